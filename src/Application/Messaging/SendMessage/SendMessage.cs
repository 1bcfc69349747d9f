using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Messaging.Common;
using Friender.Domain.Common;
using Friender.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Messaging.SendMessage;

public sealed record SendMessageCommand(Guid MatchId, string Body) : ICommand<SendMessageResult>;

public sealed record SendMessageResult(MessageDto Message);

public sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageValidator()
    {
        RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which match to write in.");
        RuleFor(x => x.Body)
            .Must(body => MessageBody.Problem(MessageBody.Normalize(body)) is null)
            .WithMessage(command => MessageBody.Problem(MessageBody.Normalize(command.Body)) ?? string.Empty);
    }
}

public sealed class SendMessageHandler(IAppDbContext db, ICurrentUser currentUser, IMessageLedger ledger, TimeProvider clock)
    : ICommandHandler<SendMessageCommand, SendMessageResult>
{
    public async ValueTask<SendMessageResult> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var match = await Conversations.OpenToAsync(db, command.MatchId, me, cancellationToken);
        var message = match.SendMessage(me, command.Body, clock.GetUtcNow());

        if (!await ledger.AppendAsync(message, match.OtherThan(me), cancellationToken))
            throw new DomainException(ErrorCodes.NotMatched, "This match ended while your message was on its way; it was not sent.");

        var displayName = await db.Profiles.AsNoTracking().Where(profile => profile.UserId == me)
            .Select(profile => profile.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new SendMessageResult(new MessageDto(
            message.Id, message.MatchId, new MessageSenderDto(me, displayName ?? string.Empty), message.Body, message.SentAt, null));
    }
}
