using Friender.Application.Messaging.MarkConversationRead;
using Friender.Application.Messaging.SendMessage;
using Friender.Application.Messaging.SetTyping;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal static class MessagingMutations
{
    public static void AddMessagingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SendMessagePayloadGraphType>>("sendMessage")
            .Description("Sends a message to the other person of an active match. It is stored before this answers.")
            .Argument<NonNullGraphType<SendMessageInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<SendMessageCommand>("input")));

        mutation.Field<NonNullGraphType<MarkConversationReadPayloadGraphType>>("markConversationRead")
            .Description("Marks the other person's messages in a match read, up to now, and tells them.")
            .Argument<NonNullGraphType<MarkConversationReadInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<MarkConversationReadCommand>("input")));

        mutation.Field<NonNullGraphType<SetTypingPayloadGraphType>>("setTyping")
            .Description("Tells the other person of a match that you are typing. Never stored; at most one event per second goes out.")
            .Argument<NonNullGraphType<SetTypingInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<SetTypingCommand>("input")));
    }
}
