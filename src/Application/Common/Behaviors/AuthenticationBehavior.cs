using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Mediator;

namespace Friender.Application.Common.Behaviors;

/// <summary>
/// Default deny: anonymous callers reach only <see cref="IAllowAnonymous"/> messages, and a suspended or banned
/// account's tokens only <see cref="IAllowSuspended"/> ones (ACCOUNT_SUSPENDED, saying until when and why).
/// </summary>
public sealed class AuthenticationBehavior<TMessage, TResponse>(ICurrentUser currentUser, AccountStanding standing)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAllowAnonymous && currentUser.Id is null)
            throw new UnauthenticatedException();

        return currentUser.Suspended && message is not IAllowSuspended
            ? RefuseSuspendedAsync(message, next, cancellationToken)
            : next(message, cancellationToken);
    }

    /// <summary>Rare: the token's account was suspended when it was checked; refused unless that has just ended.</summary>
    private async ValueTask<TResponse> RefuseSuspendedAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await standing.EnsureNotSuspendedAsync(currentUser.Id!.Value, cancellationToken);
        return await next(message, cancellationToken);
    }
}
