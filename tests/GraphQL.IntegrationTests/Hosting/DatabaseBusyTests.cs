using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Hosting;

/// <summary>
/// Every pooled connection busy: requests wait the pool's timeout, then fail with a code and a Retry-After, never hang
/// and never INTERNAL, and the API answers normally as soon as connections come back. The token check asks Postgres
/// only while the revocation list is not current, so these tests mark it lost (each test has its own app).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DatabaseBusyTests : IAsyncLifetime
{
    private const int PoolSize = 3;
    private FrienderApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        _api = new FrienderApiFactory { AppConnectionOptions = $"Maximum Pool Size={PoolSize};Timeout=1" };
        await _api.InitializeAsync();
    }

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task WithThePoolExhausted_RequestsShouldFailFastWithACode_AndRecoverAfterwards()
    {
        using var client = _api.CreateGraphQLClient();
        var ana = await client.SignUpAsync("ana");
        // As while the listening connection is down: the token check asks Postgres, before the operation starts.
        _api.Services.GetRequiredService<RevocationList>().Lost();
        var held = await HoldEveryPooledConnectionAsync();

        var watch = Stopwatch.StartNew();
        using var authenticated = await PostAsync(client, "{ me { id } }", ana.AccessToken);
        var anonymous = await client.SendAsync("mutation { logIn(input: { username: \"ana\", password: \"whatever it is\" }) { accessToken } }");
        watch.Stop();
        await ReleaseAsync(held);
        var after = await client.SendAsync("{ me { id } }", accessToken: ana.AccessToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, authenticated.StatusCode);
        Assert.Equal("1", authenticated.Headers.RetryAfter?.ToString());
        var body = JsonNode.Parse(await authenticated.Content.ReadAsStringAsync())!;
        Assert.Equal("DATABASE_UNAVAILABLE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("DATABASE_UNAVAILABLE", anonymous.ErrorCode);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        Assert.Equal(ana.UserId, after.String("me.id"));
    }

    [Fact]
    public async Task WithThePoolExhausted_ASocketsConnectionInit_ShouldCloseWithTryAgainLaterAndACode_NotAbort()
    {
        using var client = _api.CreateGraphQLClient();
        var bea = await client.SignUpAsync("bea");
        _api.Services.GetRequiredService<RevocationList>().Lost();
        var held = await HoldEveryPooledConnectionAsync();

        await using var socket = await GraphQLWebSocketClient.ConnectAsync(_api.BaseAddress);
        await socket.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {bea.AccessToken}" } });
        var closed = await socket.ReceiveAsync();
        await ReleaseAsync(held);
        await using var again = await GraphQLWebSocketClient.ConnectAsync(_api.BaseAddress);
        await again.InitialiseAsync(new { authorization = $"Bearer {bea.AccessToken}" });

        Assert.Equal(1013, closed.CloseCode);
        Assert.StartsWith("DATABASE_UNAVAILABLE:", closed.CloseReason, StringComparison.Ordinal);
    }

    private async Task<List<NpgsqlConnection>> HoldEveryPooledConnectionAsync()
    {
        var pool = _api.Services.GetRequiredService<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        for (var index = 0; index < PoolSize; index++)
            held.Add(await pool.OpenConnectionAsync());
        return held;
    }

    private static async Task ReleaseAsync(List<NpgsqlConnection> held)
    {
        foreach (var connection in held)
            await connection.DisposeAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(GraphQLClient client, string query, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client.Http.SendAsync(request);
    }
}
