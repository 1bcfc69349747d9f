using Friender.Application.Messaging.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class MessageSenderGraphType : ObjectGraphType<MessageSenderDto>
{
    public MessageSenderGraphType()
    {
        Description = "Who sent a message.";
        Field(sender => sender.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(sender => sender.DisplayName);
    }
}
