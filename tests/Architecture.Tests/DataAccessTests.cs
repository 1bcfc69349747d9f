using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Friender.Architecture.Tests;

/// <summary>
/// The data-access rule (ADR 0020): EF Core for writes and simple reads; every other statement in a .sql file under
/// src/Infrastructure/Persistence/Sql, read by SqlStatement. So no string in C# under src/ outside Migrations/ may
/// hold SQL. EF's model may still state a check constraint or an index filter: those are expressions, not statements.
/// </summary>
public sealed partial class DataAccessTests
{
    [Fact]
    public void Sources_ShouldHoldNoSqlStatementOutsideMigrations()
    {
        var found =
            from source in Repository.HandWrittenSources()
            from token in CSharpSyntaxTree.ParseText(source.Text).GetRoot().DescendantTokens()
            where IsText(token) && Statement().IsMatch(token.ValueText)
            select $"{source.Path}:{token.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {token.ValueText.Trim()}";

        var statements = found.ToList();
        Assert.True(statements.Count == 0, "Move these statements into .sql files in src/Infrastructure/Persistence/Sql (ADR 0020):\n" + string.Join('\n', statements));
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("select completed_at from profiles where user_id = $1")]
    [InlineData("UPDATE login_attempt_windows SET attempts = 0")]
    [InlineData("WITH marked AS (UPDATE messages SET read_at = $1 RETURNING 1) SELECT count(*) FROM marked")]
    [InlineData("LISTEN friender_events")]
    [InlineData("COPY zip_codes (zip, location) FROM STDIN")]
    [InlineData("SET LOCAL check_function_bodies = off;")]
    [InlineData("SELECT pg_notify($1, $2)")]
    public void Statement_ShouldRecogniseSql(string text) => Assert.Matches(Statement(), text);

    [Theory]
    [InlineData("Select one of your photos.")]
    [InlineData("Say which photo to delete.")]
    [InlineData("friend_radius_miles BETWEEN 1 AND 100")]
    [InlineData("completed_at IS NOT NULL")]
    [InlineData("mutation { logIn(input: $input) { accessToken } }")]
    public void Statement_ShouldLeaveProseAndModelExpressionsAlone(string text) => Assert.DoesNotMatch(Statement(), text);

    private static bool IsText(SyntaxToken token) => token.Kind() is SyntaxKind.StringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken
        or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8SingleLineRawStringLiteralToken
        or SyntaxKind.Utf8MultiLineRawStringLiteralToken
        or SyntaxKind.InterpolatedStringTextToken;

    /// <summary>
    /// What starts a SQL statement, in upper case (as this codebase writes SQL) or, for a query, in any case when a FROM
    /// follows; and any call of a pg_ function. Prose starts sentences with capitals, not whole words in upper case.
    /// </summary>
    [GeneratedRegex("""
        \b(SELECT|INSERT\s+INTO|DELETE\s+FROM|LISTEN|UNLISTEN|NOTIFY|LOCK\s+TABLE|TRUNCATE|VACUUM|PREPARE|DEALLOCATE)\b
        | \bUPDATE\s+\w+\s+SET\b
        | \bCOPY\s+\w+
        | \bWITH\s+\w+\s+AS\s*\(
        | \bSET\s+(LOCAL\s+|SESSION\s+)?[a-z_]+\s*(=|TO\b)
        | \b(CREATE|ALTER|DROP)\s+(OR\s+REPLACE\s+)?(TABLE|INDEX|FUNCTION|SCHEMA|EXTENSION|VIEW|TYPE|TRIGGER|DATABASE|ROLE)\b
        | (?i:\bselect\b[^;]*\bfrom\s+[a-z_]+\s+where\b)
        | (?i:\bpg_[a-z_]+\s*\()
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Statement();
}
