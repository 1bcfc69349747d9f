using Friender.GraphQL.Transport;
using Friender.GraphQL.Transport.WebSockets;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace Friender.GraphQL.Common;

internal static class GraphQLSetup
{
    public static IServiceCollection AddFrienderGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<FrienderSchema>()
            .AddGraphTypes(typeof(FrienderSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(options =>
            {
                options.ExposeExceptionDetails = false;
                options.ExposeCodes = false;
                options.ExposeData = false;
            })
            .AddUnhandledExceptionHandler((context, options) => ErrorMapping.HandleAsync(context, ErrorLogger(options)))
            // One DbContext per request: resolvers of a query must not run concurrently on it.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddScopedSubscriptionExecutionStrategy()
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = 15;
                // The largest page of any connection must fit (ADR 0016).
                options.MaxComplexity = 5_000;
                options.ValidateComplexityDelegate = AllowIntrospectionDepth;
            })
            .WithTimeout(TimeSpan.FromSeconds(30)));

        services.Configure<BananaCakePopOptions>(configuration.GetSection(BananaCakePopOptions.Section));
        services.AddSingleton<BananaCakePop>();
        services.Configure<Hosting.WebClientOptions>(configuration.GetSection(Hosting.WebClientOptions.Section));
        services.AddSingleton<Hosting.WebClient>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<MultipartRequestReader>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.Configure<GraphQLWebSocketOptions>(configuration.GetSection(GraphQLWebSocketOptions.Section));
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        services.AddSingleton<WebSocketSessions>();
        return services;
    }

    private static ILogger ErrorLogger(ExecutionOptions options) =>
        options.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Friender.GraphQL.Errors")
        ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>
    /// IDE introspection queries nest deeper than any real operation needs; they cost nothing to run (their
    /// complexity impact is zero), so the depth limit only applies to documents that select real fields.
    /// </summary>
    private static Task AllowIntrospectionDepth(ComplexityValidationContext context)
    {
        var rootSelections = context.ValidationContext.Operation.SelectionSet.Selections;
        if (rootSelections.All(selection => selection is GraphQLField field && field.Name.Value.Span.StartsWith("__")))
            context.Error = null;
        return Task.CompletedTask;
    }
}
