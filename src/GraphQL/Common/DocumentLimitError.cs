using GraphQL.Validation;
using GraphQLParser.AST;

namespace Friender.GraphQL.Common;

/// <summary>A document over one of the <see cref="DocumentLimits"/>, with our code rather than one named after a class.</summary>
internal sealed class DocumentLimitError : ValidationError
{
    public DocumentLimitError(GraphQLParser.ROM source, string message, params ASTNode[] nodes)
        : base(source, null, message, nodes) =>
        Code = GraphQLErrorCodes.TooComplex;

    public DocumentLimitError(string message)
        : base(message) =>
        Code = GraphQLErrorCodes.TooComplex;
}
