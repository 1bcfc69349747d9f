using Friender.Application.Messaging.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class TypingEventGraphType : ObjectGraphType<TypingDto>
{
    public TypingEventGraphType()
    {
        Description = "The other person of one of your matches is typing (at most one event per second).";
        Field(typing => typing.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(typing => typing.UserId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who is typing.");
    }
}
