using Friender.Application.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Test data and operations for conversations, through the public API.</summary>
public static class Chats
{
    public const string SendMessage = "mutation Send($matchId: ID!, $body: String!) { sendMessage(input: { matchId: $matchId, body: $body }) { message { id matchId sender { id displayName } body sentAt readAt } } }";

    public const string Conversation = """
        query Conversation($matchId: ID!, $last: Int, $before: String) {
          conversation(matchId: $matchId, last: $last, before: $before) {
            edges { cursor node { id body sender { id displayName } sentAt readAt } }
            pageInfo { hasPreviousPage startCursor hasNextPage endCursor }
          }
        }
        """;

    public const string MarkRead = "mutation Read($matchId: ID!) { markConversationRead(input: { matchId: $matchId }) { matchId readAt markedCount } }";

    public const string SetTyping = "mutation Typing($matchId: ID!) { setTyping(input: { matchId: $matchId }) { matchId sent } }";

    public const string Matches = "{ matches(first: 20) { edges { node { id unreadCount user { id displayName } lastMessage { body sender { id } } } } } }";

    /// <summary>Two people near each other who both said yes: (first, second, match id).</summary>
    public static async Task<(Session First, Session Second, string MatchId)> MatchedPairAsync(this GraphQLClient client, string first, string second)
    {
        var one = await client.PersonAsync(first);
        var two = await client.PersonAsync(second, "10003");
        await client.SwipeAsync(one, two);
        var match = await client.SwipeAsync(two, one);
        return (one, two, match.String("swipe.match.id"));
    }

    public static Task<GraphQLResponse> SendMessageAsync(this GraphQLClient client, Session sender, string matchId, string body) =>
        client.SendAsync(SendMessage, new { matchId, body }, sender.AccessToken);

    public static Task<GraphQLResponse> ConversationAsync(this GraphQLClient client, Session reader, string matchId, int last = 30, string? before = null) =>
        client.SendAsync(Conversation, new { matchId, last, before }, reader.AccessToken);

    public static List<string> Bodies(this GraphQLResponse conversation) =>
        conversation.Field("conversation.edges").AsArray().Select(edge => edge!["node"]!["body"]!.GetValue<string>()).ToList();

    /// <summary>A socket authenticated as <paramref name="session"/> with one subscription open under the id "sub".</summary>
    public static async Task<GraphQLWebSocketClient> SubscribeAsync(this FrienderApiFactory api, Session session, string subscription, string id = "sub")
    {
        var socket = await GraphQLWebSocketClient.ConnectAsync(api.BaseAddress);
        await socket.InitialiseAsync(new { authorization = $"Bearer {session.AccessToken}" });
        await socket.SubscribeAsync(api, session, subscription, id);
        return socket;
    }

    /// <summary>
    /// Subscribes and waits until the live feed holds the subscription: it starts on its own task, and an event sent
    /// before it is registered would never reach it.
    /// </summary>
    public static async Task SubscribeAsync(this GraphQLWebSocketClient socket, FrienderApiFactory api, Session session, string subscription, string id = "sub")
    {
        var feed = api.Services.GetRequiredService<LiveFeed>();
        var userId = Guid.Parse(session.UserId);
        var before = feed.SubscriptionsOf(userId);
        await socket.SendAsync(new { id, type = "subscribe", payload = new { query = subscription } });
        for (var attempt = 0; attempt < 500 && feed.SubscriptionsOf(userId) <= before; attempt++)
            await Task.Delay(10);
    }
}
