using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.SharedState;

/// <summary>
/// Redis going away is decided: every request is still served, limits are counted per replica meanwhile, and once
/// Redis is back they are shared again, without restarting anything.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisProcess _redis = new();
    private FrienderApiFactory _first = null!;
    private FrienderApiFactory _second = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = _redis.Configuration,
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Policies:updateProfile:PermitLimit"] = "2",
            ["RateLimits:Policies:signUp:PermitLimit"] = "1000",
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
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WhileRedisIsDown_EverythingIsServedWithLimitsPerReplica_AndOnceBackTheyAreSharedAgain()
    {
        using var first = _first.CreateGraphQLClient();
        using var second = _second.CreateGraphQLClient();
        var (ana, ben, matchId) = await first.MatchedPairAsync("ana", "ben");

        await _redis.StopAsync();
        await WaitUntilAsync(() => !Available(_first) && !Available(_second));
        var duringOutage = new[]
        {
            await first.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "A")),
            await second.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "B")),
            await first.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "C")),
            await second.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "D")),
            await first.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "E")),
        };
        var typing = await second.SendAsync(Chats.SetTyping, new { matchId }, ben.AccessToken);
        var sent = await second.SendMessageAsync(ben, matchId, "still here");
        var discovered = await first.SendAsync("{ discover(first: 5) { nodes { id } } }", null, ana.AccessToken);
        await using (var socket = await GraphQLWebSocketClient.ConnectAsync(_second.BaseAddress))
            await socket.InitialiseAsync(new { authorization = $"Bearer {ben.AccessToken}" });

        await _redis.StartAsync();
        await WaitUntilAsync(() => Available(_first) && Available(_second));
        var cleo = await first.SignUpAsync("cleo");
        var afterwards = new[]
        {
            await first.UpdateProfileAsync(cleo, Infrastructure.Profiles.Input(displayName: "A")),
            await second.UpdateProfileAsync(cleo, Infrastructure.Profiles.Input(displayName: "B")),
            await first.UpdateProfileAsync(cleo, Infrastructure.Profiles.Input(displayName: "C")),
        };

        // Two per replica while Redis was down (each counted its own), the fifth refused.
        Assert.All(duringOutage.Take(4), answer => Assert.Empty(answer.Errors));
        Assert.Equal("RATE_LIMITED", duringOutage[4].ErrorCode);
        Assert.True(typing.Field("setTyping.sent").GetValue<bool>());
        Assert.Empty(sent.Errors);
        Assert.Empty(discovered.Errors);
        // Shared again: two in all, across both replicas.
        Assert.All(afterwards.Take(2), answer => Assert.Empty(answer.Errors));
        Assert.Equal("RATE_LIMITED", afterwards[2].ErrorCode);
    }

    private static bool Available(FrienderApiFactory api) => api.Services.GetRequiredService<RedisConnection>().IsAvailable;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 300 && !condition(); attempt++)
            await Task.Delay(100);
        Assert.True(condition(), "Redis's state was not noticed within 30 s");
    }
}
