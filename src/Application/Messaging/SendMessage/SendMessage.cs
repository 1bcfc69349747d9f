using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Resilience;
using Friender.Application.Common.Validation;
using Friender.Application.Messaging.Common;
using Friender.Domain.Common;
using Friender.Domain.Messaging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Messaging.SendMessage;

/// <summary>
/// Idempotent: the message's id is chosen when the request arrives (<see cref="MessageId"/>, never from the client), so
/// a send retried after the database cut it off stores the message once and answers with it (ADR 0026).
/// </summary>
public sealed record SendMessageCommand(Guid MatchId, [property: MultiLineText] string Body) : ICommand<SendMessageResult>, IIdempotentCommand
{
    public Guid MessageId { get; } = Guid.CreateVersion7();
}

public sealed record SendMessageResult(MessageDto Message);

public sealed class SendMessageValidator : AbstractValidator<SendMessageCommand>
{
    public SendMessageValidator()
    {
        RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which match to write in.");
        RuleFor(x => x.Body).Custom((body, context) =>
        {
            if (MessageBody.Problem(MessageBody.Normalize(body)) is { } problem)
                context.AddFailure(problem);
        });
    }
}

public sealed class SendMessageHandler(IAppDbContext db, ICurrentUser currentUser, IMessageLedger ledger, TimeProvider clock)
    : ICommandHandler<SendMessageCommand, SendMessageResult>
{
    public async ValueTask<SendMessageResult> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var message = Message.Draft(command.MatchId, me, command.Body, clock.GetUtcNow(), command.MessageId);

        // One round trip when it is sent: the statement that stores it checks that the match is open to the sender.
        if (await ledger.AppendAsync(message, cancellationToken) is { } senderName)
        {
            return new SendMessageResult(new MessageDto(
                message.Id, message.MatchId, new MessageSenderDto(me, senderName), message.Body, message.SentAt, null));
        }

        // Not stored: the match is not open to the sender (say why), or a first run of this command stored it before
        // its answer was lost, or the match ended in between.
        var match = await Conversations.OpenToAsync(db, command.MatchId, me, cancellationToken);
        var stored = await db.Messages.AsNoTracking()
            .Where(candidate => candidate.Id == message.Id && candidate.SenderId == me && candidate.MatchId == match.Id)
            .Shown(db)
            .SingleOrDefaultAsync(cancellationToken);
        return stored is not null
            ? new SendMessageResult(stored)
            : throw new DomainException(DomainErrorCodes.NotMatched, "This match ended while your message was on its way; it was not sent.");
    }
}
