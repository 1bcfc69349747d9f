using System.Net;
using System.Net.WebSockets;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Transport;

/// <summary>graphql-transport-ws on /graphql, driven by a real WebSocket client.</summary>
public sealed class WebSocketTransportTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Subscribe_WithAQuery_ShouldAnswerNextThenComplete()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        var next = await client.ReceiveAsync();
        Assert.Equal("next", next.Type);
        Assert.Equal("1", next.Message!["id"]!.GetValue<string>());
        Assert.Equal("Query", next.Message["payload"]!["data"]!["__typename"]!.GetValue<string>());
        Assert.Equal("complete", (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task ConnectionInit_WithABearerTokenUnderAnyCaseOfKey_ShouldAuthenticateEveryOperation()
    {
        var session = await Client.SignUpAsync("socket_user");
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync(new Dictionary<string, string> { ["AuThOrIzAtIoN"] = $"Bearer {session.AccessToken}" });

        await client.SendAsync(new { id = "me", type = "subscribe", payload = new { query = "{ me { id } }" } });

        var next = await client.ReceiveAsync();
        Assert.Equal(session.UserId, next.Message!["payload"]!["data"]!["me"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectionInit_WithoutAToken_ShouldLeaveTheConnectionAnonymous()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendAsync(new { id = "out", type = "subscribe", payload = new { query = """mutation { logOut(input: { refreshToken: "x" }) { loggedOut } }""" } });

        var next = await client.ReceiveAsync();
        Assert.Equal("UNAUTHENTICATED", next.Message!["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectionInit_WithAnInvalidToken_ShouldClose4403()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer not.a.token" } });

        Assert.Equal(4403, (await client.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task ConnectionInit_SentTwice_ShouldClose4429()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, (await client.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task ConnectionInit_NeverSent_ShouldClose4408()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);

        var closed = await client.ReceiveAsync();

        Assert.Equal(4408, closed.CloseCode);
    }

    [Fact]
    public async Task Subscribe_BeforeConnectionInit_ShouldClose4401()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ __typename }" } });

        Assert.Equal(4401, (await client.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Ping_ShouldBeAnsweredWithPong()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync()).Type);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"no_such_type"}""")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":7}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename } # \ud800"}}""")]
    [InlineData("""{"type":"subscribe","id":"\udc00","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"ping","payload":{"note":"\ud800"}}""")]
    public async Task AnInvalidMessage_ShouldClose4400(string message)
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendTextAsync(message);

        Assert.Equal(4400, (await client.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Subscribe_WithAnInvalidDocument_ShouldAnswerErrorAndKeepTheConnection()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "{ noSuchField }" } });
        var error = await client.ReceiveAsync();
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("error", error.Type);
        Assert.NotEmpty(error.Message!["payload"]!.AsArray());
        Assert.Equal("pong", (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task AMessageOverTheSizeCap_ShouldClose4400()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress);
        await client.InitialiseAsync();

        var query = "{ __typename }" + new string(' ', 70 * 1024);
        await client.SendAsync(new { id = "big", type = "subscribe", payload = new { query } });

        var closed = await client.ReceiveAsync();
        Assert.Equal(4400, closed.CloseCode);
        Assert.Contains("65536", closed.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_WithoutTheTransportWsSubprotocol_ShouldBeRefusedBeforeTheHandshake()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-ws");
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(Api.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, socket.HttpStatusCode);
    }
}
