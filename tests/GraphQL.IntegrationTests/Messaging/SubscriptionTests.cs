using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Application.Messaging.Common;
using Friender.Application.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Messaging;

/// <summary>Live events over graphql-transport-ws, with the real LISTEN/NOTIFY fan-out behind them.</summary>
public sealed class SubscriptionTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string MessageReceived = "subscription { messageReceived { id matchId body sender { id displayName } } }";

    [Fact]
    public async Task MessageReceived_ShouldDeliverTheOtherPersonsMessagesButNotMyOwn()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var anasSocket = await Api.SubscribeAsync(ana, MessageReceived);
        await using var bensSocket = await Api.SubscribeAsync(ben, MessageReceived);

        await Client.SendMessageAsync(ana, matchId, "from ana");
        await Client.SendMessageAsync(ben, matchId, "from ben");

        var atBen = await bensSocket.ReceiveAsync();
        var atAna = await anasSocket.ReceiveAsync();
        Assert.Equal("next", atBen.Type);
        Assert.Equal("from ana", atBen.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
        Assert.Equal("ana", atBen.Message["payload"]!["data"]!["messageReceived"]!["sender"]!["displayName"]!.GetValue<string>());
        Assert.Equal("from ben", atAna.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageReceived_ShouldNeverReachSomeoneOutsideTheMatch()
    {
        var (ana, _, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var (eve, fred, eveAndFred) = await Client.MatchedPairAsync("eve", "fred");
        await using var evesSocket = await Api.SubscribeAsync(eve, MessageReceived);

        await Client.SendMessageAsync(ana, matchId, "private to ben");
        await Client.SendMessageAsync(fred, eveAndFred, "for eve");

        var first = await evesSocket.ReceiveAsync();
        Assert.Equal("for eve", first.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessageReceived_ForAnEventThatArrivesAfterTheMatchEnded_ShouldNotBeDelivered()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var cleo = await Client.PersonAsync("cleo", "10003");
        await Client.SwipeAsync(cleo, ben);
        var withCleo = (await Client.SwipeAsync(ben, cleo)).String("swipe.match.id");
        await using var bensSocket = await Api.SubscribeAsync(ben, MessageReceived);

        await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = matchId }, ana.AccessToken);
        // A replica that checked the match just before the unmatch committed: its message and notification land after.
        await Api.ScalarAsync<string>($"""
            WITH stored AS (
              INSERT INTO messages (id, match_id, sender_id, body, sent_at) VALUES ('{Guid.CreateVersion7()}', '{matchId}', '{ana.UserId}', 'too late', now()) RETURNING id, match_id)
            SELECT pg_notify('friender_events', json_build_object('k', 'message', 'r', '{ben.UserId}', 'm', match_id, 'x', id)::text)::text FROM stored
            """);
        await Client.SendMessageAsync(cleo, withCleo, "from cleo");

        var first = await bensSocket.ReceiveAsync();
        Assert.Equal("from cleo", first.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task MatchCreated_ShouldReachBothPeopleWithTheOtherPersonInIt()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");
        await using var anasSocket = await Api.SubscribeAsync(ana, "subscription { matchCreated { id unreadCount user { id displayName distanceMiles } } }");
        await using var bensSocket = await Api.SubscribeAsync(ben, "subscription { matchCreated { id unreadCount user { id displayName distanceMiles } } }");

        await Client.SwipeAsync(ana, ben);
        var matchId = (await Client.SwipeAsync(ben, ana)).String("swipe.match.id");

        var atAna = (await anasSocket.ReceiveAsync()).Message!["payload"]!["data"]!["matchCreated"]!;
        var atBen = (await bensSocket.ReceiveAsync()).Message!["payload"]!["data"]!["matchCreated"]!;
        Assert.Equal(matchId, atAna["id"]!.GetValue<string>());
        Assert.Equal(ben.UserId, atAna["user"]!["id"]!.GetValue<string>());
        Assert.Equal(matchId, atBen["id"]!.GetValue<string>());
        Assert.Equal(ana.UserId, atBen["user"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Typing_ShouldReachTheOtherPersonAtMostOncePerSecond()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var bensSocket = await Api.SubscribeAsync(ben, "subscription { typing { matchId userId } }");

        var first = await Client.SendAsync(Chats.SetTyping, new { matchId }, ana.AccessToken);
        var tooSoon = await Client.SendAsync(Chats.SetTyping, new { matchId }, ana.AccessToken);
        Api.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await Client.SendAsync(Chats.SetTyping, new { matchId }, ana.AccessToken);

        Assert.True(first.Field("setTyping.sent").GetValue<bool>());
        Assert.False(tooSoon.Field("setTyping.sent").GetValue<bool>());
        Assert.True(later.Field("setTyping.sent").GetValue<bool>());
        for (var expected = 0; expected < 2; expected++)
        {
            var typing = (await bensSocket.ReceiveAsync()).Message!["payload"]!["data"]!["typing"]!;
            Assert.Equal(ana.UserId, typing["userId"]!.GetValue<string>());
            Assert.Equal(matchId, typing["matchId"]!.GetValue<string>());
        }

        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Fact]
    public async Task ConversationRead_ShouldTellTheSenderWhenTheirMessagesWereRead()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var anasSocket = await Api.SubscribeAsync(ana, "subscription { conversationRead { matchId readerId readAt } }");
        await Client.SendMessageAsync(ana, matchId, "did you see this?");

        var read = await Client.SendAsync(Chats.MarkRead, new { matchId }, ben.AccessToken);

        var receipt = (await anasSocket.ReceiveAsync()).Message!["payload"]!["data"]!["conversationRead"]!;
        Assert.Equal(ben.UserId, receipt["readerId"]!.GetValue<string>());
        Assert.Equal(matchId, receipt["matchId"]!.GetValue<string>());
        Assert.Equal(
            DateTimeOffset.Parse(read.String("markConversationRead.readAt"), System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(receipt["readAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Subscribe_WithoutLogin_ShouldAnswerUnauthenticated()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await socket.InitialiseAsync();

        await socket.SendAsync(new { id = "sub", type = "subscribe", payload = new { query = MessageReceived } });

        var answer = await socket.ReceiveAsync();
        Assert.Contains("UNAUTHENTICATED", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_WithAnInvalidSubscription_ShouldAnswerAnErrorMessageWithTheValidationErrors()
    {
        var ana = await Client.PersonAsync("ana");
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await socket.InitialiseAsync(new { authorization = $"Bearer {ana.AccessToken}" });

        await socket.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { matchCreated { nope } }" } });

        var answer = await socket.ReceiveAsync();
        Assert.Equal("error", answer.Type);
        Assert.Equal("bad", answer.Message!["id"]!.GetValue<string>());
        Assert.DoesNotContain("INTERNAL", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("nope", answer.Message["payload"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_WhenItsAccessTokenExpires_ShouldClose4403()
    {
        var ana = await Client.PersonAsync("ana");
        await using var socket = await Api.SubscribeAsync(ana, MessageReceived);

        Api.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(4403, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Socket_AuthenticatedOnlyByTheUpgradeRequestsHeader_ShouldStillCloseWhenItsTokenExpires()
    {
        var ana = await Client.PersonAsync("ana");
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress, authorization: $"Bearer {ana.AccessToken}");
        await socket.InitialiseAsync();
        await socket.SendAsync(new { id = "me", type = "subscribe", payload = new { query = "{ me { username } }" } });
        Assert.Contains("\"ana", (await socket.ReceiveAsync()).ToString(), StringComparison.Ordinal);
        Assert.Equal("complete", (await socket.ReceiveAsync()).Type);

        Api.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(4403, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Socket_WhenItsAccessTokenIsRevokedByLogOut_ShouldClose4403()
    {
        var ana = await Client.PersonAsync("ana");
        await using var socket = await Api.SubscribeAsync(ana, MessageReceived);

        var loggedOut = await Client.SendAsync("mutation($t: String!) { logOut(input: { refreshToken: $t }) { loggedOut } }", new { t = ana.RefreshToken }, ana.AccessToken);

        Assert.Empty(loggedOut.Errors);
        Assert.Equal(4403, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Delivery_ShouldCostTheSameSqlCommandsForOneEventAndOneSubscriberAsForManyOfEach()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var messageIds = new List<Guid>();
        for (var index = 0; index < 20; index++)
            messageIds.Add(Guid.Parse((await Client.SendMessageAsync(ana, matchId, $"m{index}")).String("sendMessage.message.id")));
        var feed = Api.Services.GetRequiredService<LiveFeed>();
        var recipient = Guid.Parse(ben.UserId);
        var events = messageIds.Select(id => (RealtimeEvent)new MessageSentEvent(recipient, Guid.Parse(matchId), id)).ToList();
        var received = new List<MessageDto>();

        using var first = feed.Watch<MessageDto>(recipient).Subscribe(new Collector(received));
        await feed.DeliverAsync(events[..1], CancellationToken.None);
        var (one, _) = await SqlCommands.CountAsync(async () => { await feed.DeliverAsync(events[..1], CancellationToken.None); return 0; });
        var more = Enumerable.Range(0, 4).Select(_ => feed.Watch<MessageDto>(recipient).Subscribe(new Collector(received))).ToList();
        received.Clear();
        var (many, _) = await SqlCommands.CountAsync(async () => { await feed.DeliverAsync(events, CancellationToken.None); return 0; });
        more.ForEach(subscription => subscription.Dispose());

        Assert.Equal(one, many);
        Assert.InRange(many, 1, 3);
        Assert.Equal(20 * 5, received.Count);
    }

    [Fact]
    public async Task Complete_FromTheClient_ShouldEndTheSubscriptionAndNothingMoreArrives()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var socket = await Api.SubscribeAsync(ben, MessageReceived);
        var feed = Api.Services.GetRequiredService<LiveFeed>();
        var withSubscription = feed.SubscriptionsOf(Guid.Parse(ben.UserId));

        await socket.SendAsync(new { id = "sub", type = "complete" });
        for (var attempt = 0; attempt < 100 && feed.SubscriptionsOf(Guid.Parse(ben.UserId)) == withSubscription; attempt++)
            await Task.Delay(10);
        await Client.SendMessageAsync(ana, matchId, "nobody listens");
        await Task.Delay(300);
        await socket.SendAsync(new { type = "ping" });

        Assert.Equal(withSubscription - 1, feed.SubscriptionsOf(Guid.Parse(ben.UserId)));
        Assert.Equal("pong", (await socket.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task Subscribe_WithTheIdOfAnActiveSubscription_ShouldClose4409()
    {
        var ana = await Client.PersonAsync("ana");
        await using var socket = await Api.SubscribeAsync(ana, MessageReceived);

        await socket.SendAsync(new { id = "sub", type = "subscribe", payload = new { query = MessageReceived } });

        Assert.Equal(4409, (await socket.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Subscribe_BeyondTheCapPerConnection_ShouldAnswerRateLimitedAndKeepTheOthers()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var socket = await Api.SubscribeAsync(ben, MessageReceived, "s0");
        for (var index = 1; index < FrienderApiFactory.MaxOperationsPerConnection; index++)
            await socket.SubscribeAsync(Api, ben, MessageReceived, $"s{index}");

        await socket.SendAsync(new { id = "one-too-many", type = "subscribe", payload = new { query = MessageReceived } });
        var refused = await socket.ReceiveAsync();
        await Client.SendMessageAsync(ana, matchId, "still here");
        var next = await socket.ReceiveAsync();

        Assert.Equal("error", refused.Type);
        Assert.Equal("one-too-many", refused.Message!["id"]!.GetValue<string>());
        Assert.Equal("RATE_LIMITED", refused.Message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("next", next.Type);
    }

    [Fact]
    public async Task Sockets_BeyondTheCapPerPerson_ShouldCloseRateLimited()
    {
        var ana = await Client.PersonAsync("ana");
        var sockets = new List<GraphQLWebSocketClient>();
        try
        {
            for (var index = 0; index < FrienderApiFactory.MaxConnectionsPerUser; index++)
            {
                var open = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
                sockets.Add(open);
                await open.InitialiseAsync(new { authorization = $"Bearer {ana.AccessToken}" });
            }

            var extra = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
            sockets.Add(extra);
            await extra.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {ana.AccessToken}" } });

            var closed = await extra.ReceiveAsync();
            Assert.Equal(4429, closed.CloseCode);
            Assert.StartsWith("RATE_LIMITED", closed.CloseReason, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var socket in sockets)
                await socket.DisposeAsync();
        }
    }

    private sealed class Collector(List<MessageDto> received) : IObserver<MessageDto>
    {
        public void OnNext(MessageDto value)
        {
            lock (received)
                received.Add(value);
        }

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }
}
