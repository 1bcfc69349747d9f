using Friender.Application.Matching.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class MatchEndedEventGraphType : ObjectGraphType<MatchEndedDto>
{
    public MatchEndedEventGraphType()
    {
        Description = "A match of yours ended (who ended it, and how, is not said). Its conversation is closed for both of you.";
        Field(ended => ended.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(ended => ended.EndedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
