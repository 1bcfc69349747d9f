using GraphQL.Types;
using GraphQLParser.AST;

namespace Friender.GraphQL.Photos;

/// <summary>A file sent with the GraphQL multipart request spec; it can only arrive through variables.</summary>
internal sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Description = "A file, sent as a multipart/form-data request (GraphQL multipart request spec) with a GraphQL-Preflight header.";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        IFormFile file => file,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : ThrowLiteralConversionError(value, "Files can only be sent as variables of a multipart request.");

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue;

    public override object? Serialize(object? value) =>
        throw new InvalidOperationException("Upload is an input type and is never returned.");
}
