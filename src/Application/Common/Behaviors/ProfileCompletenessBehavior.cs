using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Common;
using Mediator;

namespace Friender.Application.Common.Behaviors;

public sealed class ProfileCompletenessBehavior<TMessage, TResponse>(IAppDbContext db, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Loaded (not just counted) so that the handler's own FindAsync of the same profile needs no second query.
        if (message is IRequireCompleteProfile
            && await db.Profiles.FindAsync([currentUser.Id!.Value], cancellationToken) is not { CompletedAt: not null })
        {
            throw new AppException(ErrorCodes.ProfileIncomplete,
                "Complete your profile first (updateProfile: hobbies, interests, ZIP code and friend radius).");
        }

        return await next(message, cancellationToken);
    }
}
