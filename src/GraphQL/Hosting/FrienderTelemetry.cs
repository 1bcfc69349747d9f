using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// The API's own spans and metrics, beside ASP.NET Core's and Npgsql's. Every label comes from a closed set (operation
/// types, the schema's root fields, the error codes), never from what a client typed, so a client cannot grow the
/// number of series; and no attribute carries variables, tokens or data.
/// </summary>
internal static class FrienderTelemetry
{
    public const string Name = "Friender";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The whole of an operation: parsing, validation (with the cost check) and execution.</summary>
    public const string ExecuteSpan = "graphql.execute";

    /// <summary>Lexing, counting and parsing a document the parsed-document cache did not hold.</summary>
    public const string ParseSpan = "graphql.parse";

    /// <summary>Validation rules, the document limits and the cost check, for every request.</summary>
    public const string ValidateSpan = "graphql.validate";

    /// <summary>Writing the JSON answer to the response.</summary>
    public const string SerializeSpan = "graphql.serialize";

    /// <summary>Verifying a bearer token's signature and looking up its revocation.</summary>
    public const string TokenCheckSpan = "auth.token";

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "friender.graphql.operation.duration", unit: "s", description: "GraphQL operations, from validation to the last field resolved.");

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "friender.graphql.errors", description: "Errors in GraphQL answers, by extensions.code.");

    private static readonly UpDownCounter<long> OpenWebSockets = Meter.CreateUpDownCounter<long>(
        "friender.websockets.open", description: "WebSockets open on this replica.");

    private static readonly Counter<long> LiveDeliveries = Meter.CreateCounter<long>(
        "friender.live.deliveries", description: "Events sent to subscriptions on this replica (messages, typing, receipts, matches).");

    /// <summary>Wraps every execution (HTTP and WebSocket): one span and one duration sample per operation.</summary>
    public static async Task<ExecutionResult> ObserveAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = Source.StartActivity(ExecuteSpan);
        var started = Stopwatch.GetTimestamp();
        var result = await next(options);

        var type = result.Operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "invalid",
        };
        var field = result.Operation?.SelectionSet.Selections.OfType<GraphQLField>().FirstOrDefault() is { } root
            && IsRootField(options, root.Name.StringValue)
                ? root.Name.StringValue
                : "none";
        var failed = result.Errors is { Count: > 0 };
        OperationDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            new("graphql.operation.type", type), new("graphql.field", field), new("outcome", failed ? "error" : "ok"));
        foreach (var error in result.Errors ?? [])
            Errors.Add(1, new KeyValuePair<string, object?>("error.code", error.Code ?? "NONE"));

        activity?.SetTag("graphql.operation.type", type);
        activity?.SetTag("graphql.field", field);
        if (failed)
            activity?.SetStatus(ActivityStatusCode.Error);
        return result;
    }

    public static void WebSocketOpened() => OpenWebSockets.Add(1);

    public static void WebSocketClosed() => OpenWebSockets.Add(-1);

    public static void Delivered() => LiveDeliveries.Add(1);

    private static bool IsRootField(ExecutionOptions options, string name) =>
        options.Schema is { } schema
        && (schema.Query.GetField(name) is not null || schema.Mutation?.GetField(name) is not null || schema.Subscription?.GetField(name) is not null);
}
