using Friender.Application.Realtime;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Friender.GraphQL.Common;

/// <summary>
/// Subscriptions as GraphQL.NET's scoped strategy runs them, with one addition: an event that comes with a cursor
/// (<see cref="ILiveItem"/>) is rendered from its payload, and its cursor travels in the result's
/// <c>extensions.cursor</c>, so every subscription shares the one cursor of its person without a field in each type.
/// </summary>
internal sealed class LiveSubscriptionExecutionStrategy(IServiceScopeFactory scopes) : ScopedSubscriptionExecutionStrategy(scopes)
{
    public const string CursorExtension = "cursor";

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is not ILiveItem item)
            return await base.ProcessDataAsync(context, node, value);

        var result = await base.ProcessDataAsync(context, node, item.Payload);
        if (item.Cursor is { } cursor)
            (result.Extensions ??= new Dictionary<string, object?>())[CursorExtension] = cursor;
        return result;
    }
}
