using GraphQL.Validation;
using GraphQLParser.AST;

namespace Friender.GraphQL.Common;

/// <summary>
/// Measures the operation as it would run, fragments expanded, against <see cref="DocumentLimits"/>: root fields,
/// aliases, introspection nesting and fields in all. The walk stops at the first limit passed, so a fragment that
/// spreads another twice, ten times over, costs at most <see cref="DocumentLimits.MaxExpandedFields"/> steps.
/// (Depth and per-field cost are the complexity analyzer's, configured in <see cref="GraphQLSetup"/>.)
/// </summary>
internal sealed class DocumentShapeRule : ValidationRuleBase
{
    public static readonly DocumentShapeRule Instance = new();

    private static readonly HashSet<string> TypeExpandingFields = ["fields", "inputFields", "interfaces", "possibleTypes"];

    private DocumentShapeRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation)
        {
            var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
            foreach (var fragment in context.Document.Definitions.OfType<GraphQLFragmentDefinition>())
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);

            if (new Walk(fragments).Over(operation.SelectionSet, depth: 1, nesting: 0) is { } problem)
                context.ReportError(new DocumentLimitError(context.Document.Source, problem, operation));
        }

        return default;
    }

    private sealed class Walk(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly HashSet<string> _fragmentsOnPath = new(StringComparer.Ordinal);
        private int _roots;
        private int _aliases;
        private int _fields;

        public string? Over(GraphQLSelectionSet selections, int depth, int nesting)
        {
            foreach (var selection in selections.Selections)
            {
                var problem = selection switch
                {
                    GraphQLField field => Visit(field, depth, nesting),
                    GraphQLInlineFragment inline => Over(inline.SelectionSet, depth, nesting),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, depth, nesting),
                    _ => null,
                };
                if (problem is not null)
                    return problem;
            }

            return null;
        }

        private string? Visit(GraphQLField field, int depth, int nesting)
        {
            if (++_fields > DocumentLimits.MaxExpandedFields)
                return $"The operation selects more than {DocumentLimits.MaxExpandedFields:N0} fields once its fragments are expanded.";
            if (depth == 1 && ++_roots > DocumentLimits.MaxRootFields)
                return $"An operation may select at most {DocumentLimits.MaxRootFields} root fields; send several requests instead.";
            if (field.Alias is not null && ++_aliases > DocumentLimits.MaxAliases)
                return $"An operation may use at most {DocumentLimits.MaxAliases} aliases.";
            if (TypeExpandingFields.Contains(field.Name.StringValue) && ++nesting > DocumentLimits.MaxIntrospectionNesting)
                return $"Introspection may nest fields, inputFields, interfaces and possibleTypes at most {DocumentLimits.MaxIntrospectionNesting} deep.";

            return field.SelectionSet is { } children ? Over(children, depth + 1, nesting) : null;
        }

        /// <summary>Cycles and unknown fragments are other rules' errors; here they simply end the walk.</summary>
        private string? Spread(string name, int depth, int nesting)
        {
            if (!fragments.TryGetValue(name, out var fragment) || !_fragmentsOnPath.Add(name))
                return null;
            var problem = Over(fragment.SelectionSet, depth, nesting);
            _fragmentsOnPath.Remove(name);
            return problem;
        }
    }
}
