using Friender.GraphQL.Common;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Friender.GraphQL.IntegrationTests.Common;

/// <summary>The cache of parsed documents alone, around a parser that counts its calls.</summary>
public sealed class ParsedDocumentCacheTests
{
    [Fact]
    public void TheSameText_ShouldBeParsedOnce()
    {
        var parser = new CountingParser();
        var cache = new ParsedDocumentCache(parser);

        var first = cache.Build("{ me { id } }");
        var second = cache.Build("{ me { id } }");
        var other = cache.Build("{ me { username } }");

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        Assert.Equal(2, parser.Calls);
    }

    [Fact]
    public void ADocumentThatDoesNotParse_ShouldBeRefusedEveryTime()
    {
        var cache = new ParsedDocumentCache(new LimitedDocumentBuilder());
        var overLimit = "{ " + string.Concat(Enumerable.Repeat("__typename ", DocumentLimits.MaxTokens)) + "}";

        Assert.Throws<DocumentLimitError>(() => cache.Build(overLimit));
        Assert.Throws<DocumentLimitError>(() => cache.Build(overLimit));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void AnOverlongDocument_ShouldBeParsedButNotKept()
    {
        var parser = new CountingParser();
        var cache = new ParsedDocumentCache(parser);
        var overlong = "{ me { id } }" + new string(' ', DocumentLimits.MaxCachedDocumentLength);

        cache.Build(overlong);
        cache.Build(overlong);

        Assert.Equal(2, parser.Calls);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void EndlessDistinctDocuments_ShouldNotGrowItPastItsBound_AndItShouldKeepWorking()
    {
        var parser = new CountingParser();
        var cache = new ParsedDocumentCache(parser);
        var padding = new string(' ', 1_000);
        var perDocument = "{ a0 }".Length + padding.Length + 10;

        for (var index = 0; index < 3 * DocumentLimits.CachedDocumentCharacters / perDocument; index++)
        {
            cache.Build($"{{ a{index} }}{padding}");
            Assert.True(cache.Count <= DocumentLimits.CachedDocumentCharacters / (perDocument - 10) + 1, $"{cache.Count} documents kept");
        }

        var calls = parser.Calls;
        var again = cache.Build("{ me { id } }");
        Assert.Same(again, cache.Build("{ me { id } }"));
        Assert.Equal(calls + 1, parser.Calls);
    }

    private sealed class CountingParser : IDocumentBuilder
    {
        private readonly LimitedDocumentBuilder _parser = new();
        private int _calls;

        public int Calls => _calls;

        public GraphQLDocument Build(string body)
        {
            Interlocked.Increment(ref _calls);
            return _parser.Build(body);
        }
    }
}
