namespace Friender.GraphQL.Common;

/// <summary>
/// How big a GraphQL document may be, in one place (docs/limits.md lists them with every other limit). Each limit refuses a document before any of it
/// runs, with a coded error; the README lists them and DocumentLimitTests sends an abusive and a normal document for each.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>Lexical tokens in a document: Banana Cake Pop's introspection query has about 300.</summary>
    public const int MaxTokens = 5_000;

    /// <summary>Nesting the parser follows (selection sets, lists, input objects) before it gives up.</summary>
    public const int MaxParserDepth = 64;

    /// <summary>Field nesting of an operation, fragments expanded, introspection included.</summary>
    public const int MaxDepth = 15;

    /// <summary>Fields selected at the root of an operation, each one a use case (and its queries) of its own.</summary>
    public const int MaxRootFields = 10;

    /// <summary>Aliased fields in an operation, fragments expanded: aliases are how one document asks a field many times.</summary>
    public const int MaxAliases = 30;

    /// <summary>
    /// <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c> nested inside each other in
    /// introspection: each level multiplies the answer by the size of the schema. IDE introspection uses one.
    /// </summary>
    public const int MaxIntrospectionNesting = 3;

    /// <summary>Fields of an operation after expanding fragments, so a few fragments cannot stand for millions.</summary>
    public const int MaxExpandedFields = 5_000;

    /// <summary>The complexity analyzer's budget (ADR 0016): a full page of the largest connection fits.</summary>
    public const int MaxComplexity = 5_000;

    /// <summary>
    /// What a field resolved through a use case costs on top of its selection, since it reads the database: at most
    /// twenty of them fit in <see cref="MaxComplexity"/>, beside the largest page of any connection.
    /// </summary>
    public const double DatabaseFieldImpact = 250;

    /// <summary>
    /// Characters of document text the parsed-document cache holds in all (<see cref="ParsedDocumentCache"/>): the web
    /// client's and the IDE's documents many times over, and a bounded amount of memory whatever clients send.
    /// </summary>
    public const int CachedDocumentCharacters = 1_000_000;

    /// <summary>The longest document the cache keeps (Banana Cake Pop's introspection query is about 1,500 characters).</summary>
    public const int MaxCachedDocumentLength = 20_000;

    /// <summary>How long one operation may run before it is answered with TIMEOUT (<c>GraphQL:ExecutionTimeout</c>).</summary>
    public static readonly TimeSpan ExecutionTimeout = TimeSpan.FromSeconds(30);
}
