using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Validation;
using Friender.Application.Messaging.Common;
using Friender.Domain.Common;
using Friender.Domain.Messaging;
using Mediator;

namespace Friender.Application.Messaging.SendMessage;

public sealed record SendMessageCommand(Guid MatchId, [property: MultiLineText] string Body) : ICommand<SendMessageResult>;

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
        var match = await Conversations.OpenToAsync(db, command.MatchId, me, cancellationToken);
        var message = match.SendMessage(me, command.Body, clock.GetUtcNow());

        var senderName = await ledger.AppendAsync(message, match.OtherThan(me), cancellationToken)
            ?? throw new DomainException(DomainErrorCodes.NotMatched, "This match ended while your message was on its way; it was not sent.");

        return new SendMessageResult(new MessageDto(
            message.Id, message.MatchId, new MessageSenderDto(me, senderName), message.Body, message.SentAt, null));
    }
}
