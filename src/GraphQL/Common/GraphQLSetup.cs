using Friender.GraphQL.Transport;
using Friender.GraphQL.Transport.WebSockets;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
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
            .AddExecutionStrategy<LiveSubscriptionExecutionStrategy>(OperationType.Subscription)
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = DocumentLimits.MaxDepth;
                // The largest page of any connection must fit (ADR 0016).
                options.MaxComplexity = DocumentLimits.MaxComplexity;
            })
            .AddValidationRule(DocumentShapeRule.Instance)
            .ConfigureExecution(Hosting.FrienderTelemetry.ObserveAsync)
            .ConfigureExecution(SchemaDisclosure.ApplyAsync)
            .WithTimeout(configuration.GetValue<TimeSpan?>(GraphQLOptions.Section + ":ExecutionTimeout") ?? DocumentLimits.ExecutionTimeout));

        services.AddSingleton<IDocumentBuilder>(new ParsedDocumentCache(new LimitedDocumentBuilder()));
        services.AddSingleton<IDocumentValidator>(new TimedDocumentValidator(new DocumentValidator()));
        services.Configure<GraphQLOptions>(configuration.GetSection(GraphQLOptions.Section));
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
}
