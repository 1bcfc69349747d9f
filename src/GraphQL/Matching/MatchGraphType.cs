using Friender.Application.Matching.Common;
using Friender.GraphQL.Discovery;
using Friender.GraphQL.Messaging;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class MatchGraphType : ObjectGraphType<MatchDto>
{
    public MatchGraphType()
    {
        Description = "Two people who both said yes.";
        Field(match => match.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(match => match.User, type: typeof(NonNullGraphType<CandidateGraphType>)).Description("The other person.");
        Field(match => match.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(match => match.LastMessage, type: typeof(MessageGraphType)).Description("The newest message either of you sent; null before the first.");
        Field(match => match.State, type: typeof(NonNullGraphType<Moderation.MatchStateGraphType>))
            .Description("ACTIVE, or FROZEN while the other person's account is suspended: you can read the conversation, not write.");
        Field(match => match.UnreadCount).Description("Messages from the other person you have not marked read (markConversationRead).");
    }
}
