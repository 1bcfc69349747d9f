using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Friender.GraphQL.Common;

/// <summary>
/// Parses a document only when it is at most <see cref="DocumentLimits.MaxTokens"/> tokens long (counted by the lexer
/// alone, which allocates nothing), and with the parser's recursion bounded by
/// <see cref="DocumentLimits.MaxParserDepth"/>, so neither a long nor a deeply nested document costs more than a
/// small one to refuse.
/// </summary>
internal sealed class LimitedDocumentBuilder : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = DocumentLimits.MaxParserDepth };

    public GraphQLDocument Build(string body)
    {
        using var activity = Hosting.FrienderTelemetry.Source.StartActivity(Hosting.FrienderTelemetry.ParseSpan);
        if (IsOverTokenLimit(body))
            throw new DocumentLimitError($"A document may hold at most {DocumentLimits.MaxTokens:N0} tokens.");
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw new DocumentLimitError($"A document may nest at most {DocumentLimits.MaxParserDepth} levels deep.");
        }
    }

    private static bool IsOverTokenLimit(string body)
    {
        var position = 0;
        try
        {
            for (var count = 0; count <= DocumentLimits.MaxTokens; count++)
            {
                var token = Lexer.Lex(body, position);
                if (token.Kind == TokenKind.EOF)
                    return false;
                position = token.End;
            }

            return true;
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser reports it, with its location.
            return false;
        }
    }
}
