using System.Collections.Concurrent;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Friender.GraphQL.Common;

/// <summary>
/// Parsed documents by their exact text, around the document builder: clients send the same few documents again and
/// again with other variables, so each text is lexed, counted and parsed once. Only what the parser produces is kept;
/// validation, the cost check (which depends on the variables) and everything after run for every request. Documents
/// that fail to parse are not kept (the builder throws). The cache holds at most
/// <see cref="DocumentLimits.CachedDocumentCharacters"/> of text and forgets everything when that is full, so a client
/// sending endless distinct documents costs memory it cannot grow, and the documents in use come back at once.
/// </summary>
internal sealed class ParsedDocumentCache(IDocumentBuilder parser) : IDocumentBuilder
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private long _characters;

    public int Count => _documents.Count;

    public GraphQLDocument Build(string body)
    {
        if (_documents.TryGetValue(body, out var cached))
            return cached;

        var document = parser.Build(body);
        if (body.Length <= DocumentLimits.MaxCachedDocumentLength)
            Keep(body, document);
        return document;
    }

    private void Keep(string body, GraphQLDocument document)
    {
        if (Interlocked.Add(ref _characters, body.Length) > DocumentLimits.CachedDocumentCharacters)
        {
            lock (_documents)
            {
                if (Interlocked.Read(ref _characters) > DocumentLimits.CachedDocumentCharacters)
                {
                    _documents.Clear();
                    Interlocked.Exchange(ref _characters, body.Length);
                }
            }
        }

        if (!_documents.TryAdd(body, document))
            Interlocked.Add(ref _characters, -body.Length);
    }
}
