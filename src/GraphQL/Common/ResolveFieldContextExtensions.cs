using GraphQL;
using Mediator;

namespace Friender.GraphQL.Common;

internal static class ResolveFieldContextExtensions
{
    public static ValueTask<TResponse> Send<TResponse>(this IResolveFieldContext context, ICommand<TResponse> command) =>
        context.Sender().Send(command, context.CancellationToken);

    public static ValueTask<TResponse> Send<TResponse>(this IResolveFieldContext context, IQuery<TResponse> query) =>
        context.Sender().Send(query, context.CancellationToken);

    private static ISender Sender(this IResolveFieldContext context) =>
        context.RequestServices?.GetRequiredService<ISender>()
        ?? throw new InvalidOperationException("GraphQL executions need RequestServices.");
}
