using Friender.Application.Messaging.WatchConversations;
using Friender.GraphQL.Common;
using Friender.GraphQL.Matching;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Mediator;

namespace Friender.GraphQL.Messaging;

internal static class MessagingSubscriptions
{
    private const string AfterDescription =
        "The cursor of the last event you saw on any subscription (each event's extensions.cursor, or the liveCursor "
        + "query): what you missed since is sent first, in order, then live events. Without it, live events only.";

    public static void AddMessagingSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<MessageGraphType>>("messageReceived")
            .Description("Every new message from the other person in any of your active matches.")
            .Replaying(after => new WatchMessagesQuery(after));

        subscription.Field<NonNullGraphType<MatchGraphType>>("matchCreated")
            .Description("Every new match of yours, whichever of you said yes last.")
            .Replaying(after => new WatchMatchesQuery(after));

        subscription.Field<NonNullGraphType<MatchEndedEventGraphType>>("matchEnded")
            .Description("A match of yours ended: either of you unmatched or blocked. Its conversation is closed.")
            .Replaying(after => new WatchEndedMatchesQuery(after));

        subscription.Field<NonNullGraphType<ConversationReadEventGraphType>>("conversationRead")
            .Description("The other person of one of your active matches read your messages.")
            .Replaying(after => new WatchReadsQuery(after));

        subscription.Field<NonNullGraphType<TypingEventGraphType>>("typing")
            .Description("The other person of one of your active matches is typing. Live only: typing is never replayed.")
            .ResolveStreamAsync(async context => await context.Send(new WatchTypingQuery()));
    }

    private static void Replaying<T>(this FieldBuilder<object?, object> field, Func<string?, WatchQuery<T>> query) =>
        field.Argument<StringGraphType>("after", argument => argument.Description = AfterDescription)
            .ResolveStreamAsync(async context => await context.Send(query(context.GetArgument<string?>("after"))));
}
