using Friender.Application.Common.Exceptions;
using GraphQL;
using Mediator;

namespace Friender.GraphQL.Common;

internal static class ResolveFieldContextExtensions
{
    public static ValueTask<TResponse> Send<TResponse>(this IResolveFieldContext context, ICommand<TResponse> command) =>
        context.Sender().Send(command, context.CancellationToken);

    public static ValueTask<TResponse> Send<TResponse>(this IResolveFieldContext context, IQuery<TResponse> query) =>
        context.Sender().Send(query, context.CancellationToken);

    /// <summary>
    /// An <c>ID</c> argument as the Guid every ID of ours is; anything else a client sends (a number, a made-up string)
    /// is BAD_USER_INPUT naming the argument, as it is inside input objects.
    /// </summary>
    public static Guid GetIdArgument(this IResolveFieldContext context, string name) =>
        context.GetArgument<object?>(name) is { } raw && Guid.TryParse(raw.ToString(), out var id)
            ? id
            : throw InputValidationException.ForField(name, "This is not an ID the API gave out.");

    private static ISender Sender(this IResolveFieldContext context) =>
        context.RequestServices?.GetRequiredService<ISender>()
        ?? throw new InvalidOperationException("GraphQL executions need RequestServices.");
}
