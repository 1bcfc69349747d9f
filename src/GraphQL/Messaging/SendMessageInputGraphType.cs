using Friender.Application.Messaging.SendMessage;
using Friender.Domain.Messaging;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class SendMessageInputGraphType : InputObjectGraphType<SendMessageCommand>
{
    public SendMessageInputGraphType()
    {
        Field(input => input.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(input => input.Body).Description($"1-{MessageBody.MaxLength:N0} characters after trimming; no control characters but newlines and tabs.");
    }
}
