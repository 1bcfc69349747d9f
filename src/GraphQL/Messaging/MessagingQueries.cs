using Friender.Application.Messaging.GetConversation;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal static class MessagingQueries
{
    public static void AddMessagingQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<MessageConnectionGraphType>>("conversation")
            .Description("A match's messages, read backwards: the newest 'last' ones, oldest first; pass pageInfo.startCursor "
                + "as 'before' for older ones while pageInfo.hasPreviousPage.")
            .Argument<NonNullGraphType<IdGraphType>>("matchId")
            .Argument<IntGraphType>("last", argument => argument.DefaultValue = GetConversationQuery.DefaultLast)
            .Argument<StringGraphType>("before")
            .ResolveAsync(async context => await context.Send(new GetConversationQuery(
                context.GetIdArgument("matchId"), context.GetArgument("last", GetConversationQuery.DefaultLast), context.GetArgument<string?>("before"))));
}
