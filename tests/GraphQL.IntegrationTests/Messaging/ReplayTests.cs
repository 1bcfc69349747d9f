using System.Text.Json.Nodes;
using Friender.Application.Common.Exceptions;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Messaging;

/// <summary>
/// Subscriptions that resume from a cursor, over graphql-transport-ws on real Postgres: what happened while a client
/// was away arrives first, in order and once, then live events; nothing of anyone else's; a cursor the journal no
/// longer covers is RESYNC_REQUIRED.
/// </summary>
public sealed class ReplayTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Unmatch = "mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }";

    [Fact]
    public async Task MessageReceived_AfterTheLiveCursor_ShouldReplayWhatWasMissedInOrderThenGoLive()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var cursor = await LiveCursorAsync(ben);
        foreach (var body in new[] { "one", "two", "three" })
            await Client.SendMessageAsync(ana, matchId, body);

        await using var bensSocket = await Api.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{cursor}\") {{ body }} }}");
        var replayed = await NextAsync(bensSocket, 3);
        await Client.SendMessageAsync(ana, matchId, "four");
        var live = await NextAsync(bensSocket, 1);

        Assert.Equal(["one", "two", "three", "four"], replayed.Concat(live).Select(next => next["data"]!["messageReceived"]!["body"]!.GetValue<string>()));
        var cursors = replayed.Concat(live).Select(next => next["extensions"]!["cursor"]!.GetValue<string>()).ToList();
        Assert.Equal(4, cursors.Distinct().Count());
        Assert.Equal(cursors[^1], await LiveCursorAsync(ben));
    }

    [Fact]
    public async Task MessageReceived_ResumedFromTheCursorOfAnEventSeen_ShouldSendOnlyTheLaterOnes()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var start = await LiveCursorAsync(ben);
        await Client.SendMessageAsync(ana, matchId, "seen");
        string seenCursor;
        await using (var first = await Api.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{start}\") {{ body }} }}"))
            seenCursor = (await NextAsync(first, 1))[0]["extensions"]!["cursor"]!.GetValue<string>();
        await Client.SendMessageAsync(ana, matchId, "missed");

        await using var second = await Api.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{seenCursor}\") {{ body }} }}");
        await Client.SendMessageAsync(ana, matchId, "live");

        var bodies = (await NextAsync(second, 2)).Select(next => next["data"]!["messageReceived"]!["body"]!.GetValue<string>());
        Assert.Equal(["missed", "live"], bodies);
    }

    [Fact]
    public async Task OpenSubscription_WhenItsReplicaMissedEventsWhileNotListening_ShouldCatchUpFromTheJournal()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var bensSocket = await Api.SubscribeAsync(ben, "subscription { messageReceived { body } }");
        var missed = new List<string>();
        // Until a message is provably sent while this replica has no listening connection (it listens again after 250 ms).
        for (var attempt = 0; attempt < 10 && missed.Count == 0; attempt++)
        {
            await ListenersAsync("pg_terminate_backend(pid)");
            await WaitForListenerAsync(listening: false);
            var body = $"sent while nobody listened ({attempt})";
            await Client.SendMessageAsync(ana, matchId, body);
            if (await ListenersAsync("1") == 0)
                missed.Add(body);
            else
                await WaitForListenerAsync();
        }

        Assert.NotEmpty(missed);
        await WaitForListenerAsync();
        await Client.SendMessageAsync(ana, matchId, "after");
        var bodies = new List<string>();
        while (!bodies.Contains("after"))
            bodies.Add((await NextAsync(bensSocket, 1))[0]["data"]!["messageReceived"]!["body"]!.GetValue<string>());

        Assert.Subset(bodies.ToHashSet(), missed.ToHashSet());
        Assert.Equal(bodies.Count, bodies.Distinct().Count());
    }

    [Fact]
    public async Task EveryKeptKind_ShouldBeReplayedToItsRecipientOnly_AndNothingOfAnEndedMatchButItsEnd()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");
        var cleo = await Client.PersonAsync("cleo", "10003");
        var eve = await Client.PersonAsync("eve", "10003");
        var anasCursor = await LiveCursorAsync(ana);
        var evesCursor = await LiveCursorAsync(eve);
        await Client.SwipeAsync(ana, ben);
        var withBen = (await Client.SwipeAsync(ben, ana)).String("swipe.match.id");
        await Client.SendMessageAsync(ana, withBen, "hello");
        await Client.SendAsync(Chats.MarkRead, new { matchId = withBen }, ben.AccessToken);
        await Client.SwipeAsync(ana, cleo);
        var withCleo = (await Client.SwipeAsync(cleo, ana)).String("swipe.match.id");
        await Client.SendAsync(Unmatch, new { id = withCleo }, cleo.AccessToken);

        await using var created = await Api.SubscribeAsync(ana, $"subscription {{ matchCreated(after: \"{anasCursor}\") {{ id user {{ id }} }} }}");
        await using var read = await Api.SubscribeAsync(ana, $"subscription {{ conversationRead(after: \"{anasCursor}\") {{ matchId readerId }} }}");
        await using var ended = await Api.SubscribeAsync(ana, $"subscription {{ matchEnded(after: \"{anasCursor}\") {{ matchId endedAt }} }}");
        await using var evesSocket = await Api.SubscribeAsync(eve, $"subscription {{ matchCreated(after: \"{evesCursor}\") {{ id }} }}");

        Assert.Equal(ben.UserId, (await NextAsync(created, 1))[0]["data"]!["matchCreated"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(ben.UserId, (await NextAsync(read, 1))[0]["data"]!["conversationRead"]!["readerId"]!.GetValue<string>());
        Assert.Equal(withCleo, (await NextAsync(ended, 1))[0]["data"]!["matchEnded"]!["matchId"]!.GetValue<string>());
        // The match with cleo was made while ana was away, but it has ended since: only its end is delivered.
        await AssertSilentAsync(created);
        await AssertSilentAsync(evesSocket);
    }

    [Fact]
    public async Task MatchEnded_ShouldReachBothPeopleLive()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await using var anasSocket = await Api.SubscribeAsync(ana, "subscription { matchEnded { matchId } }");
        await using var bensSocket = await Api.SubscribeAsync(ben, "subscription { matchEnded { matchId } }");

        await Client.SendAsync("mutation($id: ID!) { blockUser(input: { userId: $id }) { blockedUserId } }", new { id = ben.UserId }, ana.AccessToken);

        Assert.Equal(matchId, (await NextAsync(anasSocket, 1))[0]["data"]!["matchEnded"]!["matchId"]!.GetValue<string>());
        Assert.Equal(matchId, (await NextAsync(bensSocket, 1))[0]["data"]!["matchEnded"]!["matchId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribe_WithACursorOlderThanTheJournalKeeps_ShouldBeResyncRequired()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var old = await LiveCursorAsync(ben);
        await Client.SendMessageAsync(ana, matchId, "pruned");
        await Api.ScalarAsync<int>($"UPDATE live_event_heads SET pruned_through = last_position WHERE user_id = '{ben.UserId}' RETURNING 1");

        await using var socket = await Api.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{old}\") {{ body }} }}");
        var answer = await socket.ReceiveAsync();

        Assert.Equal(ErrorCodes.ResyncRequired, ErrorCodeOf(answer));
        Assert.Equal("complete", (await socket.ReceiveAsync()).Type);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("")]
    public async Task Subscribe_WithAMalformedCursor_ShouldBeBadUserInput(string cursor)
    {
        var ben = await Client.PersonAsync("ben");

        await using var socket = await Api.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{cursor}\") {{ body }} }}");
        var answer = await socket.ReceiveAsync();

        Assert.Equal(ErrorCodes.BadUserInput, ErrorCodeOf(answer));
    }

    [Fact]
    public async Task Subscribe_WithAnotherPersonsCursor_ShouldBeBadUserInputAndReplayNothing()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");
        var bensCursor = await LiveCursorAsync(ben);
        await Client.SendMessageAsync(ana, matchId, "for ben only");

        await using var socket = await Api.SubscribeAsync(eve, $"subscription {{ messageReceived(after: \"{bensCursor}\") {{ body }} }}");
        var answer = await socket.ReceiveAsync();

        Assert.Equal(ErrorCodes.BadUserInput, ErrorCodeOf(answer));
    }

    [Fact]
    public async Task Positions_OfOnePersonsEvents_ShouldFollowEachOtherWithoutGapsUnderConcurrentSenders()
    {
        var ben = await Client.PersonAsync("ben", "10003");
        var senders = new List<(Session Sender, string MatchId)>();
        foreach (var name in new[] { "ana", "cleo", "dora" })
        {
            var sender = await Client.PersonAsync(name);
            await Client.SwipeAsync(sender, ben);
            senders.Add((sender, (await Client.SwipeAsync(ben, sender)).String("swipe.match.id")));
        }

        await Task.WhenAll(senders.SelectMany(pair => Enumerable.Range(0, 10).Select(i => Client.SendMessageAsync(pair.Sender, pair.MatchId, $"m{i}"))));

        var positions = await Api.ScalarAsync<long[]>($"SELECT array_agg(position ORDER BY position) FROM live_events WHERE recipient_id = '{ben.UserId}'");
        Assert.Equal(Enumerable.Range(1, positions.Length).Select(i => (long)i), positions);
        Assert.Equal(33, positions.Length);
    }

    /// <summary>Applies <paramref name="selected"/> to this database's listening connections; returns how many there are.</summary>
    private Task<long> ListenersAsync(string selected) => Api.ScalarAsync<long>(
        $"SELECT count({selected}) FROM pg_stat_activity WHERE application_name = '{ListenerConnectionString.ApplicationName}' AND datname = current_database()");

    private async Task WaitForListenerAsync(bool listening = true)
    {
        var listener = Api.Services.GetRequiredService<PostgresRealtimeListener>();
        for (var attempt = 0; attempt < 1_000 && listener.IsListening != listening; attempt++)
            await Task.Delay(5);
        Assert.Equal(listening, listener.IsListening);
    }

    private async Task<string> LiveCursorAsync(Session session) =>
        (await Client.SendAsync("{ liveCursor }", null, session.AccessToken)).String("liveCursor");

    /// <summary>The payloads of the next <paramref name="count"/> messages, which must all be <c>next</c>.</summary>
    private static async Task<List<JsonNode>> NextAsync(GraphQLWebSocketClient socket, int count)
    {
        var payloads = new List<JsonNode>();
        while (payloads.Count < count)
        {
            var received = await socket.ReceiveAsync();
            Assert.True(received.Type == "next", received.ToString());
            payloads.Add(received.Message!["payload"]!);
        }

        return payloads;
    }

    /// <summary>A subscription that could not start: one <c>next</c> with the coded error and no data (graphql-ws).</summary>
    private static string? ErrorCodeOf(WebSocketEvent answer)
    {
        Assert.True(answer.Type == "next", answer.ToString());
        Assert.Null(answer.Message!["payload"]!["data"]);
        return answer.Message!["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
    }

    private static async Task AssertSilentAsync(GraphQLWebSocketClient socket)
    {
        var silent = await Task.WhenAny(socket.ReceiveAsync(), Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.IsNotType<Task<WebSocketEvent>>(silent);
    }
}
