using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Common;

/// <summary>
/// Applies <see cref="GraphQLOptions"/> to every execution, over HTTP and WebSockets alike: refuses introspection when
/// it is off, and cuts "Did you mean …?" from validation errors when suggestions are off.
/// </summary>
internal static class SchemaDisclosure
{
    private const string SuggestionStart = " Did you mean";

    public static async Task<ExecutionResult> ApplyAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var settings = options.RequestServices?.GetService<IOptions<GraphQLOptions>>()?.Value ?? new GraphQLOptions();
        if (!settings.Introspection)
        {
            options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, NoIntrospectionRule.Instance];
            if (options.CachedDocumentValidationRules is { } cached)
                options.CachedDocumentValidationRules = [.. cached, NoIntrospectionRule.Instance];
        }

        var result = await next(options);
        if (!settings.Suggestions && result.Errors is { } errors && errors.Any(error => error.Message.Contains(SuggestionStart, StringComparison.Ordinal)))
        {
            var plain = new ExecutionErrors();
            foreach (var error in errors)
                plain.Add(error.Message.Contains(SuggestionStart, StringComparison.Ordinal) ? WithoutSuggestion(error) : error);
            result.Errors = plain;
        }

        return result;
    }

    private static ValidationError WithoutSuggestion(ExecutionError error)
    {
        var plain = new ValidationError(error.Message[..error.Message.IndexOf(SuggestionStart, StringComparison.Ordinal)]) { Code = error.Code };
        foreach (var location in error.Locations ?? [])
            plain.AddLocation(location);
        return plain;
    }

    private sealed class NoIntrospectionRule : ValidationRuleBase
    {
        public static readonly NoIntrospectionRule Instance = new();

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
            new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
            {
                if (field.Name.StringValue is "__schema" or "__type")
                {
                    validation.ReportError(new ValidationError(validation.Document.Source, null,
                        "Introspection is switched off on this server.", field) { Code = GraphQLErrorCodes.IntrospectionDisabled });
                }
            }));
    }
}
