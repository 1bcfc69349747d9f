using Friender.Application.Messaging.MarkConversationRead;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class MarkConversationReadPayloadGraphType : ObjectGraphType<MarkConversationReadResult>
{
    public MarkConversationReadPayloadGraphType()
    {
        Field(payload => payload.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.ReadAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(payload => payload.MarkedCount).Description("How many of the other person's messages were unread until now.");
    }
}
