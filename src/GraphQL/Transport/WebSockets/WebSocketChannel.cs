using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// The socket's frames: whole text messages in, under a size limit, and one send pump out, so that messages from
/// concurrent operations never interleave (<see cref="WebSocket.SendAsync(ArraySegment{byte}, WebSocketMessageType, bool, CancellationToken)"/>
/// allows one caller at a time). Closing from our side sends the close frame and keeps receiving until the client's:
/// cancelling a pending receive would abort the socket, and the client would see 1006 instead of our code.
/// </summary>
internal sealed class WebSocketChannel(WebSocket socket, IGraphQLTextSerializer serializer, GraphQLWebSocketOptions options)
{
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private volatile bool _closing;

    /// <summary>
    /// Hands each whole text message to <paramref name="handle"/>, one at a time, until the client's close frame.
    /// Throws <see cref="WebSocketException"/> when the client vanishes without one.
    /// </summary>
    public async Task ReceiveAsync(Func<string, Task> handle)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            var frame = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                Close(WebSocketCloseStatus.NormalClosure, string.Empty);
                return;
            }

            if (_closing)
                continue;

            if (frame.MessageType == WebSocketMessageType.Binary)
            {
                Close(CloseCodes.BadRequest, "Only text messages are supported.");
                continue;
            }

            message.Write(buffer, 0, frame.Count);
            if (message.Length > options.MaxMessageBytes)
            {
                Close(CloseCodes.BadRequest, $"Messages are limited to {options.MaxMessageBytes} bytes.");
                continue;
            }

            if (!frame.EndOfMessage)
                continue;

            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            await handle(text);
        }
    }

    /// <summary>Queues a message, unless the socket is closing.</summary>
    public void Send(OperationMessage message)
    {
        if (!_closing)
            _outbox.Writer.TryWrite(new Outgoing(serializer.Serialize(message), null, null));
    }

    public void Close(WebSocketCloseStatus status, string reason) => Close((int)status, reason);

    /// <summary>Queues the close frame after whatever is queued; the first close wins and nothing is sent after it.</summary>
    public void Close(int code, string reason)
    {
        if (_closing)
            return;
        _closing = true;
        _outbox.Writer.TryWrite(new Outgoing(null, (WebSocketCloseStatus)code, reason));
        _outbox.Writer.TryComplete();
    }

    /// <summary>Stops the pump once what is queued has gone (the connection is over).</summary>
    public void Complete() => _outbox.Writer.TryComplete();

    /// <summary>Sends what is queued, in order, until a close frame or <see cref="Complete"/>.</summary>
    public async Task PumpAsync()
    {
        await foreach (var outgoing in _outbox.Reader.ReadAllAsync())
        {
            try
            {
                if (outgoing.Text is not null)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(outgoing.Text), WebSocketMessageType.Text, true, CancellationToken.None);
                    continue;
                }

                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(outgoing.CloseStatus!.Value, outgoing.CloseReason, CancellationToken.None);
                _ = AbortIfClientDoesNotCloseAsync();
                return;
            }
            catch (WebSocketException)
            {
                return;
            }
        }
    }

    private async Task AbortIfClientDoesNotCloseAsync()
    {
        await Task.Delay(options.CloseTimeout);
        if (socket.State != WebSocketState.Closed)
            socket.Abort();
    }

    private sealed record Outgoing(string? Text, WebSocketCloseStatus? CloseStatus, string? CloseReason);
}
