using Friender.Application.Messaging.SendMessage;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class SendMessagePayloadGraphType : ObjectGraphType<SendMessageResult>
{
    public SendMessagePayloadGraphType() =>
        Field(payload => payload.Message, type: typeof(NonNullGraphType<MessageGraphType>)).Description("The message, stored.");
}
