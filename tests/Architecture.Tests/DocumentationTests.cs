using System.Text;
using System.Text.RegularExpressions;

namespace Friender.Architecture.Tests;

/// <summary>
/// The repository describes itself: every relative link in its Markdown resolves to a file or folder inside it (and,
/// with a #fragment, to a heading of that page), and no file refers to the team's brief outside it.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string[] Skipped = ["node_modules", "bin", "obj", ".git", ".data", "dist", "artifacts", "TestResults"];

    public static TheoryData<string> MarkdownFiles => new(Files("*.md"));

    [Fact]
    public void MarkdownFiles_ShouldBeFound() => Assert.Contains("README.md", Files("*.md"));

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void RelativeLinks_ShouldResolveInsideTheRepository(string file)
    {
        var broken = RelativeLinks(File.ReadAllText(Repository.PathOf(file)))
            .Select(link => (link, problem: Problem(file, link)))
            .Where(found => found.problem is not null)
            .Select(found => $"{found.link}: {found.problem}")
            .ToList();

        Assert.True(broken.Count == 0, $"{file} has broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void NoFile_ShouldReferToTheBriefOutsideTheRepository()
    {
        var found =
            from file in Files("*")
            where Path.GetFileName(file) != "DocumentationTests.cs"
            where Path.GetExtension(file) is ".md" or ".cs" or ".sh" or ".mjs" or ".ts" or ".tsx" or ".json" or ".yml" or ".sql" or ".props" or ".csproj"
                || Path.GetFileName(file) is ".editorconfig" or "Makefile" or "Dockerfile"
            from line in File.ReadLines(Repository.PathOf(file)).Select((text, index) => (text, number: index + 1))
            where OutsideReference().IsMatch(line.text)
            select $"{file}:{line.number}: {line.text.Trim()}";

        var references = found.ToList();
        Assert.True(references.Count == 0, "These refer outside the repository; describe it in docs/ instead:\n" + string.Join('\n', references));
    }

    [Theory]
    [InlineData("See [the brief](../shared/ARCHITECTURE.md).")]
    [InlineData("/// How big a document may be (PROTOCOLS.md §6).")]
    [InlineData("# Layout the codebase follows (shared/STYLE.md)")]
    public void OutsideReference_ShouldRecogniseTheBrief(string line) => Assert.Matches(OutsideReference(), line);

    [Fact]
    public void Slug_ShouldFollowGitHubsHeadingAnchors()
    {
        Assert.Equal("error-codes", Slug("Error codes"));
        Assert.Equal("chat-and-live-events", Slug("Chat and live events"));
        Assert.Equal("graphql-over-http-graphql", Slug("GraphQL over HTTP: `/graphql`"));
        Assert.Equal("0017-database-functions-in-sql-files", Slug("0017. Database functions in .sql files"));
    }

    /// <summary>Null when <paramref name="link"/>, found in <paramref name="file"/>, resolves; otherwise why not.</summary>
    private static string? Problem(string file, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var fragment = hash < 0 ? null : link[(hash + 1)..];

        var target = path.Length == 0
            ? Repository.PathOf(file)
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repository.PathOf(file))!, path));
        if (!target.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && target != Repository.Root)
            return "leaves the repository";
        if (!File.Exists(target) && !Directory.Exists(target))
            return "no such file";
        if (fragment is { Length: > 0 } && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(target)).Contains(fragment))
            return $"no heading #{fragment} there";
        return null;
    }

    /// <summary>Targets of inline links and images, <c>[text](target)</c>, and of reference definitions, skipping code.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown)
    {
        var prose = FencedCode().Replace(markdown, string.Empty);
        prose = InlineCode().Replace(prose, string.Empty);
        return InlineLink().Matches(prose).Select(match => match.Groups["target"].Value)
            .Concat(ReferenceDefinition().Matches(prose).Select(match => match.Groups["target"].Value))
            .Select(target => target.Trim('<', '>'))
            .Where(target => !Scheme().IsMatch(target));
    }

    /// <summary>The anchors GitHub gives a page's headings (a repeated heading gets -1, -2, …).</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(FencedCode().Replace(markdown, string.Empty)))
        {
            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
            seen[slug] = count + 1;
        }

        return anchors;
    }

    private static string Slug(string heading)
    {
        var text = new StringBuilder();
        foreach (var character in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(character) || character is '-' or '_')
                text.Append(character);
            else if (character == ' ')
                text.Append('-');
        }

        return text.ToString();
    }

    private static List<string> Files(string pattern) =>
        Directory.EnumerateFiles(Repository.Root, pattern, SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repository.Root, file))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(folder => Skipped.Contains(folder)))
            .Order(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]\n]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\.\./shared\b|\bshared/(ARCHITECTURE|PROTOCOLS|STYLE)\.md|\b(ARCHITECTURE|PROTOCOLS|STYLE)\.md\b")]
    private static partial Regex OutsideReference();
}
