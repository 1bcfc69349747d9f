namespace Friender.GraphQL.Common;

/// <summary>Codes of errors raised by the GraphQL layer itself, about a document rather than its data.</summary>
internal static class GraphQLErrorCodes
{
    /// <summary>The document is over one of the <see cref="DocumentLimits"/>.</summary>
    public const string TooComplex = "TOO_COMPLEX";

    /// <summary>Introspection (<c>__schema</c>, <c>__type</c>) is switched off on this server.</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
}
