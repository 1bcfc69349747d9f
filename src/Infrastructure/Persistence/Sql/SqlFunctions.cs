using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Sql;

/// <summary>
/// The database functions, one <c>CREATE OR REPLACE FUNCTION</c> per file in <c>Sql/Functions</c>. A migration applies
/// a file by name and the version (<see cref="VersionOf"/>) it was written for; when the file has changed since, it
/// skips it, because a later migration applies the file as it is now. <c>SqlFunctionFileTests</c> fails when none does,
/// and <c>make sql-migration NAME=...</c> writes that migration. So a change to a function is a diff of its file plus
/// one line in a new migration, and a fresh database and a migrated one end up with the same functions.
/// </summary>
internal static class SqlFunctions
{
    private const string Prefix = "sql/functions/";

    /// <summary>Every function file's name, from the embedded resources.</summary>
    public static IReadOnlyList<string> FileNames { get; } = typeof(SqlFunctions).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(name => name[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Text(string fileName) => SqlStatement.ReadEmbedded(Prefix + fileName);

    /// <summary>The first 16 hex digits of the SHA-256 of the file, line endings as LF (what <c>sha256sum</c> prints).</summary>
    public static string VersionOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))))[..16];

    /// <summary>
    /// Creates or replaces the function in <paramref name="fileName"/> when the file is still at
    /// <paramref name="version"/>. Bodies are not checked at creation (as pg_dump does), so the order of the files in a
    /// migration does not matter; the tests call every function.
    /// </summary>
    public static void ApplySqlFunction(this MigrationBuilder migration, string fileName, string version)
    {
        var text = Text(fileName);
        if (VersionOf(text) == version)
            migration.Sql(SqlStatement.Load("skip_function_body_checks.sql").Text + ";\n" + text);
    }
}
