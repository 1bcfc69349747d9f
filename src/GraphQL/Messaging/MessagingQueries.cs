using Friender.Application.Messaging.GetConversation;
using Friender.Application.Messaging.GetUnreadTotal;
using Friender.Application.Messaging.WatchConversations;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal static class MessagingQueries
{
    public static void AddMessagingQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StringGraphType>>("liveCursor")
            .Description("The cursor of your latest live event. Read it before reloading your matches and conversations, "
                + "then pass it as 'after' when you subscribe: nothing that happened in between is missed.")
            .ResolveAsync(async context => await context.Send(new GetLiveCursorQuery()));

        query.Field<NonNullGraphType<IntGraphType>>("unreadTotal")
            .Description("How many messages sent to you are unread, across all your open matches (what a badge shows). "
                + "Ask again after a live message, read receipt or ended match.")
            .ResolveAsync(async context => await context.Send(new GetUnreadTotalQuery()));

        query.Field<NonNullGraphType<MessageConnectionGraphType>>("conversation")
            .Description("A match's messages, read backwards: the newest 'last' ones, oldest first; pass pageInfo.startCursor "
                + "as 'before' for older ones while pageInfo.hasPreviousPage.")
            .Argument<NonNullGraphType<IdGraphType>>("matchId")
            .Argument<IntGraphType>("last", argument => argument.DefaultValue = GetConversationQuery.DefaultLast)
            .Argument<StringGraphType>("before")
            .ResolveAsync(async context => await context.Send(new GetConversationQuery(
                context.GetIdArgument("matchId"), context.GetArgument("last", GetConversationQuery.DefaultLast), context.GetArgument<string?>("before"))));
    }
}
