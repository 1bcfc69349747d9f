using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Common.Behaviors;

public sealed class ProfileCompletenessBehavior<TMessage, TResponse>(IAppDbContext db, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRequireCompleteProfile
            && !await db.Profiles.AnyAsync(profile => profile.UserId == currentUser.Id && profile.CompletedAt != null, cancellationToken))
        {
            throw new AppException(ErrorCodes.ProfileIncomplete,
                "Complete your profile first (updateProfile: hobbies, interests, ZIP code and friend radius).");
        }

        return await next(message, cancellationToken);
    }
}
