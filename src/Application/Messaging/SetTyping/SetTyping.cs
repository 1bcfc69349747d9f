using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Messaging.Common;
using Friender.Application.Realtime;
using Mediator;

namespace Friender.Application.Messaging.SetTyping;

public sealed record SetTypingCommand(Guid MatchId) : ICommand<SetTypingResult>;

/// <param name="Sent">False when an event for this match went out less than a second ago, so this one was dropped.</param>
public sealed record SetTypingResult(Guid MatchId, bool Sent);

public sealed class SetTypingValidator : AbstractValidator<SetTypingCommand>
{
    public SetTypingValidator() => RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say in which match you are typing.");
}

public sealed class SetTypingHandler(IAppDbContext db, ICurrentUser currentUser, ITypingThrottle throttle, IRealtimePublisher publisher)
    : ICommandHandler<SetTypingCommand, SetTypingResult>
{
    public async ValueTask<SetTypingResult> Handle(SetTypingCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var match = await Conversations.OpenToAsync(db, command.MatchId, me, cancellationToken);
        if (!await throttle.TryAcquireAsync(me, match.Id, cancellationToken))
            return new SetTypingResult(match.Id, false);

        await publisher.PublishAsync(new TypingStartedEvent(match.OtherThan(me), match.Id, me), cancellationToken);
        return new SetTypingResult(match.Id, true);
    }
}
