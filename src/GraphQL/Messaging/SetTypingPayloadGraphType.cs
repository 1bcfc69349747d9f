using Friender.Application.Messaging.SetTyping;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class SetTypingPayloadGraphType : ObjectGraphType<SetTypingResult>
{
    public SetTypingPayloadGraphType()
    {
        Field(payload => payload.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.Sent).Description("False when an event for this match went out less than a second ago; this one was dropped.");
    }
}
