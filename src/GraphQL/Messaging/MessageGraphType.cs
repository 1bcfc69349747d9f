using Friender.Application.Messaging.Common;
using Friender.Domain.Messaging;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class MessageGraphType : ObjectGraphType<MessageDto>
{
    public MessageGraphType()
    {
        Description = "A message in a match's conversation.";
        Field(message => message.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(message => message.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(message => message.Sender, type: typeof(NonNullGraphType<MessageSenderGraphType>));
        Field(message => message.Body).Description($"1-{MessageBody.MaxLength:N0} characters, trimmed; newlines and tabs kept.");
        Field(message => message.SentAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(message => message.ReadAt, type: typeof(DateTimeOffsetGraphType))
            .Description("When the recipient marked the conversation read; null until then.");
    }
}
