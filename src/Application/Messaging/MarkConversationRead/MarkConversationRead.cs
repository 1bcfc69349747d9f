using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Messaging.Common;
using Mediator;

namespace Friender.Application.Messaging.MarkConversationRead;

public sealed record MarkConversationReadCommand(Guid MatchId) : ICommand<MarkConversationReadResult>;

/// <param name="MarkedCount">How many of the other person's messages were unread until now.</param>
public sealed record MarkConversationReadResult(Guid MatchId, DateTimeOffset ReadAt, int MarkedCount);

public sealed class MarkConversationReadValidator : AbstractValidator<MarkConversationReadCommand>
{
    public MarkConversationReadValidator() => RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which conversation you read.");
}

public sealed class MarkConversationReadHandler(IAppDbContext db, ICurrentUser currentUser, IMessageLedger ledger, TimeProvider clock)
    : ICommandHandler<MarkConversationReadCommand, MarkConversationReadResult>
{
    public async ValueTask<MarkConversationReadResult> Handle(MarkConversationReadCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var match = await Conversations.ReadableByAsync(db, command.MatchId, me, cancellationToken);
        var now = clock.GetUtcNow();
        var marked = await ledger.MarkReadAsync(match.Id, me, match.OtherThan(me), now, cancellationToken);
        return new MarkConversationReadResult(match.Id, now, marked);
    }
}
