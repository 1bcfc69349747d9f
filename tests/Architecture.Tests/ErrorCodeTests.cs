using System.Reflection;
using System.Text.RegularExpressions;
using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;
using Friender.Infrastructure.Persistence;

namespace Friender.Architecture.Tests;

/// <summary>
/// Error codes are the API's contract: each is declared once, in a <c>…ErrorCodes</c> class of the layer that raises
/// it, and the README's table lists exactly those.
/// </summary>
public sealed partial class ErrorCodeTests
{
    private static readonly Assembly[] Layers =
        [typeof(User).Assembly, typeof(IAppDbContext).Assembly, typeof(FrienderDbContext).Assembly, typeof(Program).Assembly];

    [Fact]
    public void ErrorCodes_ShouldEachBeDeclaredOnce()
    {
        var declaredTwice = Declarations().GroupBy(code => code.Value).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key} ({string.Join(", ", group.Select(code => code.Owner))})");

        Assert.Empty(declaredTwice);
    }

    [Fact]
    public void ReadmeErrorTable_ShouldListEveryDeclaredCodeAndNoOther()
    {
        var declared = Declarations().Select(code => code.Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(declared, DocumentedCodes().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadmeErrorTable_ShouldListEachCodeOnce()
    {
        var listedTwice = DocumentedCodes().GroupBy(code => code).Where(group => group.Count() > 1).Select(group => group.Key);

        Assert.Empty(listedTwice);
    }

    [Fact]
    public void Sources_ShouldSpellErrorCodesOnlyWhereTheyAreDeclared()
    {
        var codes = Declarations().Select(code => code.Value).ToHashSet();
        var spelled =
            from source in Repository.HandWrittenSources()
            where !Path.GetFileName(source.Path).EndsWith("ErrorCodes.cs", StringComparison.Ordinal)
            from match in CodeLiteral().Matches(source.Text)
            where codes.Contains(match.Groups["code"].Value)
            select $"{source.Path}: {match.Value}";

        Assert.Empty(spelled);
    }

    private static IEnumerable<(string Owner, string Value)> Declarations() =>
        from type in Layers.SelectMany(assembly => assembly.GetTypes())
        where type.Name.EndsWith("ErrorCodes", StringComparison.Ordinal)
        from field in type.GetFields(BindingFlags.Public | BindingFlags.Static)
        where field is { IsLiteral: true } && field.FieldType == typeof(string)
        select (type.FullName!, (string)field.GetRawConstantValue()!);

    /// <summary>The first column of the table under the README's "Error codes" heading.</summary>
    private static List<string> DocumentedCodes()
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));
        var heading = Array.FindIndex(lines, line => line.StartsWith('#') && line.TrimStart('#').Trim() == "Error codes");
        Assert.True(heading >= 0, "README.md has no 'Error codes' section.");

        return lines.Skip(heading + 1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => TableCode().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["code"].Value)
            .ToList();
    }

    [GeneratedRegex(@"^\|\s*`(?<code>[A-Z][A-Z_]+)`\s*\|")]
    private static partial Regex TableCode();

    /// <summary>A string literal that is a code, or starts with one followed by a colon (WebSocket close reasons).</summary>
    [GeneratedRegex(@"""(?<code>[A-Z][A-Z_]{3,})[:""]")]
    private static partial Regex CodeLiteral();
}
