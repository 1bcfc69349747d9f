using Friender.Application.Messaging.WatchConversations;
using Friender.GraphQL.Common;
using Friender.GraphQL.Matching;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal static class MessagingSubscriptions
{
    public static void AddMessagingSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<MessageGraphType>>("messageReceived")
            .Description("Every new message from the other person in any of your active matches.")
            .ResolveStreamAsync(async context => await context.Send(new WatchMessagesQuery()));

        subscription.Field<NonNullGraphType<MatchGraphType>>("matchCreated")
            .Description("Every new match of yours, whichever of you said yes last.")
            .ResolveStreamAsync(async context => await context.Send(new WatchMatchesQuery()));

        subscription.Field<NonNullGraphType<TypingEventGraphType>>("typing")
            .Description("The other person of one of your active matches is typing.")
            .ResolveStreamAsync(async context => await context.Send(new WatchTypingQuery()));

        subscription.Field<NonNullGraphType<ConversationReadEventGraphType>>("conversationRead")
            .Description("The other person of one of your active matches read your messages.")
            .ResolveStreamAsync(async context => await context.Send(new WatchReadsQuery()));
    }
}
