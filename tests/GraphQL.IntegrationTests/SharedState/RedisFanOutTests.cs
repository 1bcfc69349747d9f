using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Realtime;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Friender.GraphQL.IntegrationTests.SharedState;

/// <summary>
/// With Redis configured, live events travel between replicas over Redis pub/sub, not Postgres NOTIFY; they are still
/// journaled in the writing transaction, so Redis going away or a replica's subscription being cut loses nothing and
/// repeats nothing: writers fall back to NOTIFY, and subscriptions read what they missed from the journal.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisFanOutTests : IAsyncLifetime
{
    private readonly RedisProcess _redis = new();
    private FrienderApiFactory _first = null!;
    private FrienderApiFactory _second = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Redis"] = _redis.Configuration };
        _first = new FrienderApiFactory { Settings = settings };
        await _first.InitializeAsync();
        _second = new FrienderApiFactory { ReplicaOf = _first, Settings = settings };
        await _second.InitializeAsync();
        await WaitUntilAsync(() => Subscribed(_first) && Subscribed(_second));
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task MessageSentOnOneReplica_ShouldReachASubscriberOnTheOther_OverRedisAndNotNotify()
    {
        using var first = _first.CreateGraphQLClient();
        var (ana, ben, matchId) = await first.MatchedPairAsync("ana", "ben");
        await using var listener = await ListenAsync();
        var heardByPostgres = new List<string>();
        listener.Notification += (_, notification) => heardByPostgres.Add(notification.Payload);
        await using var bensSocket = await _second.SubscribeAsync(ben, "subscription { messageReceived { body } }");

        await first.SendMessageAsync(ana, matchId, "over redis");
        var received = await bensSocket.ReceiveAsync();
        // Anything NOTIFYed by the send would have reached this connection before the message reached ben.
        await listener.WaitAsync(TimeSpan.FromMilliseconds(300));

        Assert.Equal("over redis", received.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
        Assert.Empty(heardByPostgres);
        Assert.Equal(1L, await _first.ScalarAsync<long>($"SELECT count(*) FROM live_events WHERE recipient_id = '{ben.UserId}' AND event->>'k' = 'message'"));
    }

    [Fact]
    public async Task WhileRedisIsDown_MessagesStillArriveLive_AndOnceItIsBack_NothingIsLostOrRepeated()
    {
        using var first = _first.CreateGraphQLClient();
        var (ana, ben, matchId) = await first.MatchedPairAsync("ana", "ben");
        var cursor = (await first.SendAsync("{ liveCursor }", null, ben.AccessToken)).String("liveCursor");
        await using var bensSocket = await _second.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{cursor}\") {{ body }} }}");
        var sent = new List<string>();

        async Task SendAsync(string body)
        {
            Assert.Empty((await first.SendMessageAsync(ana, matchId, body)).Errors);
            sent.Add(body);
        }

        await SendAsync("before");
        await _redis.StopAsync();
        await SendAsync("while redis stops");
        await WaitUntilAsync(() => !Available(_first) && !Available(_second));
        await SendAsync("while redis is down");
        var duringOutage = await BodiesAsync(bensSocket, 3);
        await _redis.StartAsync();
        await SendAsync("while redis starts");
        await WaitUntilAsync(() => Subscribed(_first) && Subscribed(_second));
        await SendAsync("after");

        Assert.Equal(sent.Take(3), duringOutage);
        Assert.Equal(sent.Skip(3), await BodiesAsync(bensSocket, 2));
        await AssertSilentAsync(bensSocket);
    }

    [Fact]
    public async Task SubscriptionConnectionsCut_WhileMessagesFlow_ShouldLoseAndRepeatNothing()
    {
        using var first = _first.CreateGraphQLClient();
        var (ana, ben, matchId) = await first.MatchedPairAsync("ana", "ben");
        var cursor = (await first.SendAsync("{ liveCursor }", null, ben.AccessToken)).String("liveCursor");
        await using var bensSocket = await _second.SubscribeAsync(ben, $"subscription {{ messageReceived(after: \"{cursor}\") {{ body }} }}");
        await using var admin = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration + ",allowAdmin=true");

        var sent = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            // Cut every replica's subscription, then send at once: some of these are published while nobody hears Redis.
            await admin.GetServers()[0].ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
            var bodies = Enumerable.Range(0, 5).Select(i => $"r{round}m{i}").ToList();
            var answers = await Task.WhenAll(bodies.Select(body => first.SendMessageAsync(ana, matchId, body)));
            Assert.All(answers, answer => Assert.Empty(answer.Errors));
            sent.AddRange(bodies);
        }

        var received = await BodiesAsync(bensSocket, sent.Count);
        Assert.Equal(sent.Order(), received.Order());
        await AssertSilentAsync(bensSocket);
    }

    private async Task<NpgsqlConnection> ListenAsync()
    {
        var connection = new NpgsqlConnection(_first.ConnectionString);
        await connection.OpenAsync();
        await using var listen = new NpgsqlCommand($"LISTEN {RealtimeChannel.Name}", connection);
        await listen.ExecuteNonQueryAsync();
        return connection;
    }

    private static bool Available(FrienderApiFactory api) => api.Services.GetRequiredService<RedisConnection>().IsAvailable;

    private static bool Subscribed(FrienderApiFactory api) => api.Services.GetRequiredService<RedisRealtimeListener>().IsSubscribed;

    private static async Task<List<string>> BodiesAsync(GraphQLWebSocketClient socket, int count)
    {
        var bodies = new List<string>();
        while (bodies.Count < count)
        {
            WebSocketEvent received;
            try
            {
                received = await socket.ReceiveAsync();
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{bodies.Count} of {count} arrived: {string.Join(", ", bodies)}");
                throw;
            }

            Assert.True(received.Type == "next", received.ToString());
            bodies.Add(received.Message!["payload"]!["data"]!["messageReceived"]!["body"]!.GetValue<string>());
        }

        return bodies;
    }

    private static async Task AssertSilentAsync(GraphQLWebSocketClient socket)
    {
        var silent = await Task.WhenAny(socket.ReceiveAsync(), Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.IsNotType<Task<WebSocketEvent>>(silent);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 300 && !condition(); attempt++)
            await Task.Delay(100);
        Assert.True(condition(), "Redis's state was not noticed within 30 s");
    }
}
