using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Mediator;

namespace Friender.Application.Common.Behaviors;

public sealed class AuthenticationBehavior<TMessage, TResponse>(ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAllowAnonymous && currentUser.Id is null)
            throw new UnauthenticatedException();

        return next(message, cancellationToken);
    }
}
