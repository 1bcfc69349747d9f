using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>A raw graphql-transport-ws client over a real socket, for driving the protocol message by message.</summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    private GraphQLWebSocketClient()
    {
    }

    public static async Task<GraphQLWebSocketClient> ConnectAsync(
        Uri baseAddress, string subProtocol = "graphql-transport-ws", string? authorization = null)
    {
        var client = new GraphQLWebSocketClient();
        client._socket.Options.AddSubProtocol(subProtocol);
        if (authorization is not null)
            client._socket.Options.SetRequestHeader("Authorization", authorization);
        client._socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    public ClientWebSocket Socket => _socket;

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    public async Task InitialiseAsync(object? payload = null)
    {
        await SendAsync(new { type = "connection_init", payload });
        var ack = await ReceiveAsync();
        if (ack.Message?["type"]?.GetValue<string>() != "connection_ack")
            throw new InvalidOperationException($"Expected connection_ack, got {ack}");
    }

    /// <summary>The next message, or the close the server sent instead.</summary>
    public async Task<WebSocketEvent> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var frame = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
                return new WebSocketEvent(null, (int?)_socket.CloseStatus, _socket.CloseStatusDescription);

            message.Write(buffer, 0, frame.Count);
            if (frame.EndOfMessage)
                return new WebSocketEvent(JsonNode.Parse(message.ToArray())!.AsObject(), null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }

        _socket.Dispose();
    }
}

public sealed record WebSocketEvent(JsonObject? Message, int? CloseCode, string? CloseReason)
{
    public string? Type => Message?["type"]?.GetValue<string>();

    public override string ToString() => Message?.ToJsonString() ?? $"close {CloseCode} {CloseReason}";
}
