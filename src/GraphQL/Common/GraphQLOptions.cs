namespace Friender.GraphQL.Common;

/// <summary>
/// What the schema tells about itself. Both default to off (appsettings.json) and are on in Development and Testing,
/// where Banana Cake Pop needs introspection and a developer wants "did you mean" hints.
/// </summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Answer <c>__schema</c> and <c>__type</c>; off, they are <c>INTROSPECTION_DISABLED</c>.</summary>
    public bool Introspection { get; set; }

    /// <summary>Keep GraphQL.NET's "Did you mean …?" hints in validation errors, which spell out names of the schema.</summary>
    public bool Suggestions { get; set; }
}
