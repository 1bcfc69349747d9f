using System.Collections.Concurrent;
using Npgsql;

namespace Friender.Infrastructure.Persistence.Sql;

/// <summary>
/// A statement from a <c>.sql</c> file in this folder (embedded in the assembly), with Npgsql's positional parameters
/// ($1, $2, …). Every statement the code runs that EF Core does not write is one of these: no SQL text lives in C#
/// (ADR 0020). <c>SqlStatementFileTests</c> prepares each file against a migrated database, so a misspelt table or
/// column fails the tests by file name.
/// </summary>
internal sealed class SqlStatement
{
    private const string Prefix = "sql/";

    private static readonly ConcurrentDictionary<string, SqlStatement> Loaded = new(StringComparer.Ordinal);

    private SqlStatement(string fileName, string text)
    {
        FileName = fileName;
        Text = text;
    }

    public string FileName { get; }

    /// <summary>The statement, without the file's leading comment lines (Npgsql wants a COPY to start with COPY).</summary>
    public string Text { get; }

    /// <summary>Every statement file's name (not the functions of <c>Functions/</c>).</summary>
    public static IReadOnlyList<string> FileNames { get; } = typeof(SqlStatement).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.IndexOf('/', Prefix.Length) < 0)
        .Select(name => name[Prefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static SqlStatement Load(string fileName) =>
        Loaded.GetOrAdd(fileName, static name => new SqlStatement(name, WithoutLeadingComments(ReadEmbedded(Prefix + name))));

    /// <summary>The text of an embedded file under <c>Sql/</c>, by its resource name (<c>sql/…</c>).</summary>
    public static string ReadEmbedded(string resourceName)
    {
        using var stream = typeof(SqlStatement).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"No embedded SQL file '{resourceName}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A positional parameter of a known type (no boxing, no type inference).</summary>
    public static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    /// <summary>The statement on a pooled connection of <paramref name="database"/>.</summary>
    public NpgsqlCommand CreateCommand(NpgsqlDataSource database, params ReadOnlySpan<NpgsqlParameter> parameters) =>
        WithParameters(database.CreateCommand(Text), parameters);

    /// <summary>The statement on an open connection, inside whatever transaction it has (EF Core's, say).</summary>
    public NpgsqlCommand CreateCommand(NpgsqlConnection connection, params ReadOnlySpan<NpgsqlParameter> parameters) =>
        WithParameters(new NpgsqlCommand(Text, connection), parameters);

    public override string ToString() => FileName;

    private static string WithoutLeadingComments(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').SkipWhile(line => line.StartsWith("--", StringComparison.Ordinal))).Trim();

    private static NpgsqlCommand WithParameters(NpgsqlCommand command, ReadOnlySpan<NpgsqlParameter> parameters)
    {
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter);
        return command;
    }
}
