using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Mediator;

namespace Friender.Application.Common.Behaviors;

public sealed class ProfileCompletenessBehavior<TMessage, TResponse>(IProfileGate profiles, ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRequireCompleteProfile && !await profiles.IsCompleteAsync(currentUser.Id!.Value, cancellationToken))
        {
            throw new AppException(ErrorCodes.ProfileIncomplete,
                "Complete your profile first (updateProfile: hobbies, interests, ZIP code and friend radius).");
        }

        return await next(message, cancellationToken);
    }
}
