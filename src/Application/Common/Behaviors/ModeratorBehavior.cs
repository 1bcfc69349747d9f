using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Common.Behaviors;

/// <summary>
/// Moderation is refused to everyone who is not a moderator now: the role is read from the database on every
/// moderation message, never from the token, so revoke-moderator takes effect on the next request.
/// </summary>
public sealed class ModeratorBehavior<TMessage, TResponse>(ICurrentUser currentUser, IAppDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message is IModerationRequest ? CheckAsync(message, next, cancellationToken) : next(message, cancellationToken);

    private async ValueTask<TResponse> CheckAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } me || !await db.Moderators.AnyAsync(moderator => moderator.UserId == me, cancellationToken))
            throw new AppException(ErrorCodes.Forbidden, "Only moderators can do this.");

        return await next(message, cancellationToken);
    }
}
