using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Realtime;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Friender.GraphQL.IntegrationTests.SharedState;

/// <summary>
/// Two replicas of one database sharing one Redis (the one make test starts): each limit holds once across both,
/// a socket slot taken on one counts on the other, a lease nobody renews expires, and a discovery walk continues
/// from a watermark the other replica took. Without Redis each replica would count on its own and all of these fail.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisSharedStateTests : IAsyncLifetime
{
    private FrienderApiFactory _first = null!;
    private FrienderApiFactory _second = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Policies:updateProfile:PermitLimit"] = "3",
            ["RateLimits:Policies:signUp:PermitLimit"] = "1000",
            ["WebSockets:MaxConnectionsPerUser"] = "2",
        };
        _first = new FrienderApiFactory { Settings = settings };
        await _first.InitializeAsync();
        _second = new FrienderApiFactory { ReplicaOf = _first, Settings = settings };
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task RateLimit_CountedOnBothReplicas_ShouldHoldOnce()
    {
        using var first = _first.CreateGraphQLClient();
        using var second = _second.CreateGraphQLClient();
        var ana = await first.SignUpAsync("ana");

        var answers = new List<GraphQLResponse>();
        foreach (var (client, name) in new[] { (first, "A"), (second, "B"), (first, "C"), (second, "D") })
            answers.Add(await client.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: name)));

        Assert.All(answers.Take(3), answer => Assert.Empty(answer.Errors));
        Assert.Equal("RATE_LIMITED", answers[3].ErrorCode);
        Assert.InRange(answers[3].Errors[0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>(), 1, 3600);
    }

    [Fact]
    public async Task TypingThrottle_ShouldLetOneEventThroughAcrossReplicas()
    {
        using var first = _first.CreateGraphQLClient();
        using var second = _second.CreateGraphQLClient();
        var (ana, _, matchId) = await first.MatchedPairAsync("ana", "ben");

        var onFirst = await first.SendAsync(Chats.SetTyping, new { matchId }, ana.AccessToken);
        var onSecond = await second.SendAsync(Chats.SetTyping, new { matchId }, ana.AccessToken);

        Assert.True(onFirst.Field("setTyping.sent").GetValue<bool>());
        Assert.False(onSecond.Field("setTyping.sent").GetValue<bool>());
    }

    [Fact]
    public async Task SocketSlots_TakenOnOneReplica_ShouldCountOnTheOther_AndComeBackWhenClosed()
    {
        using var first = _first.CreateGraphQLClient();
        var ana = await first.SignUpAsync("ana");

        await using var one = await ConnectAsync(_first, ana);
        await using var two = await ConnectAsync(_second, ana);
        var (third, refused) = await TryConnectAsync(_first, ana);
        await third.DisposeAsync();
        await two.DisposeAsync();
        var again = await ConnectWhenFreedAsync(_first, ana);

        Assert.Equal(4429, refused.CloseCode);
        Assert.StartsWith("RATE_LIMITED", refused.CloseReason);
        Assert.NotNull(again);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task SocketLease_OfAReplicaThatDiedWithoutAWord_ShouldExpire()
    {
        using var first = _first.CreateGraphQLClient();
        var ana = await first.SignUpAsync("ana");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var leases = $"friender:sockets:{Guid.Parse(ana.UserId):N}";
        // Both slots held by a replica that was killed: leases that nobody renews, ending in a moment.
        var now = await ServerMillisecondsAsync(redis);
        await redis.GetDatabase().SortedSetAddAsync(leases, [new SortedSetEntry("dead-1", now + 1_500), new SortedSetEntry("dead-2", now + 1_500)]);

        var (refusedSocket, refused) = await TryConnectAsync(_first, ana);
        await refusedSocket.DisposeAsync();
        await Task.Delay(2_000);
        await using var accepted = await ConnectAsync(_second, ana);

        Assert.Equal(4429, refused.CloseCode);
        Assert.Null(await redis.GetDatabase().SortedSetScoreAsync(leases, "dead-1"));
    }

    [Fact]
    public async Task LiveLeases_ShouldBeRenewedByTheReplicaHoldingThem()
    {
        using var first = _first.CreateGraphQLClient();
        var ana = await first.SignUpAsync("ana");
        await using var socket = await ConnectAsync(_first, ana);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var leases = $"friender:sockets:{Guid.Parse(ana.UserId):N}";
        var before = (await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(leases)).Single().Score;

        await Task.Delay(20);
        await _first.Services.GetRequiredService<RedisConnectionLeases>().RenewAsync();

        var after = (await redis.GetDatabase().SortedSetRangeByRankWithScoresAsync(leases)).Single().Score;
        Assert.True(after > before, $"renewed to {after}, was {before}");
        Assert.InRange(after - await ServerMillisecondsAsync(redis), RedisConnectionLeases.Lifetime.TotalMilliseconds - 5_000, RedisConnectionLeases.Lifetime.TotalMilliseconds);
    }

    private static async Task<double> ServerMillisecondsAsync(ConnectionMultiplexer redis)
    {
        var time = (RedisResult[])(await redis.GetDatabase().ExecuteAsync("TIME"))!;
        return (long)time[0] * 1000.0 + (long)time[1] / 1000;
    }

    private static async Task<GraphQLWebSocketClient> ConnectAsync(FrienderApiFactory api, Session session)
    {
        var (socket, answer) = await TryConnectAsync(api, session);
        Assert.True(answer.Type == "connection_ack", answer.ToString());
        return socket;
    }

    /// <summary>A socket after its <c>connection_init</c>, and what the server answered: the ack, or a close.</summary>
    private static async Task<(GraphQLWebSocketClient Socket, WebSocketEvent Answer)> TryConnectAsync(FrienderApiFactory api, Session session)
    {
        var socket = await GraphQLWebSocketClient.ConnectAsync(api.BaseAddress);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {session.AccessToken}" } });
        return (socket, await socket.ReceiveAsync());
    }

    /// <summary>A slot is given back when the server sees the close, which follows the client's by a moment.</summary>
    private static async Task<GraphQLWebSocketClient?> ConnectWhenFreedAsync(FrienderApiFactory api, Session session)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var (socket, answer) = await TryConnectAsync(api, session);
            if (answer.Type == "connection_ack")
                return socket;
            await socket.DisposeAsync();
            await Task.Delay(100);
        }

        return null;
    }
}
