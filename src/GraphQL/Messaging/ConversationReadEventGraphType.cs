using Friender.Application.Messaging.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class ConversationReadEventGraphType : ObjectGraphType<ConversationReadDto>
{
    public ConversationReadEventGraphType()
    {
        Description = "The other person of one of your matches read your messages sent up to readAt.";
        Field(read => read.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(read => read.ReaderId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(read => read.ReadAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
