using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Friender.Application.Common.Abstractions;
using Friender.Application.Realtime;
using Friender.Domain.Common;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: a receive loop that never cancels a pending receive (that would abort the
/// socket and hide our close code), and a single send pump so messages from concurrent operations never interleave.
/// </summary>
internal sealed class GraphQLWsConnection(
    WebSocket socket,
    HttpContext http,
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLWebSocketOptions options,
    WebSocketSessions sessions,
    TimeProvider clock,
    ILogger logger)
{
    private readonly ILogger _logger = logger;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private int _initReceived;
    private volatile bool _acknowledged;
    private volatile bool _closing;
    private WebSocketSessions.Session? _session;

    public async Task RunAsync()
    {
        var pump = PumpAsync();
        _ = CloseUnlessInitialisedAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (WebSocketException)
        {
            // The client vanished without a close frame.
        }
        finally
        {
            foreach (var id in _operations.Keys)
                Forget(id);
            _session?.Dispose();
            await _lifetime.CancelAsync();
            _outbox.Writer.TryComplete();
            await pump;
            _lifetime.Dispose();
        }
    }

    public void ServerStopping() => Close(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.");

    private async Task ReceiveLoopAsync()
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
            await HandleAsync(text);
        }
    }

    private async Task HandleAsync(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            Close(CloseCodes.BadRequest, "Invalid message received: not JSON.");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            // Messages are small (MaxMessageBytes): checking every string once up front keeps a lone surrogate from
            // failing deep inside a read.
            if (!JsonText.IsReadable(root))
            {
                Close(CloseCodes.BadRequest, "Invalid message received: " + JsonText.LoneSurrogate);
                return;
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                Close(CloseCodes.BadRequest, "Invalid message received: no 'type'.");
                return;
            }

            switch (type.GetString())
            {
                case "connection_init":
                    await InitialiseAsync(root);
                    break;
                case "ping":
                    Send(new OperationMessage { Type = "pong" });
                    break;
                case "pong":
                    break;
                case "subscribe":
                    Subscribe(root);
                    break;
                case "complete":
                    if (IdOf(root) is { } completed)
                        Forget(completed);
                    break;
                default:
                    Close(CloseCodes.BadRequest, $"Invalid message received: unknown type '{type.GetString()}'.");
                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests.");
            return;
        }

        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            Close(CloseCodes.BadRequest, "Invalid message received: the connection_init payload must be an object.");
            return;
        }

        // Clients send their HTTP headers here, often lower-cased (Banana Cake Pop does): match keys in any case.
        var authorization = payload.ValueKind == JsonValueKind.Object
            ? payload.EnumerateObject()
                .Where(property => property.NameEquals("authorization") || string.Equals(property.Name, "authorization", StringComparison.OrdinalIgnoreCase))
                .Select(property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null)
                .FirstOrDefault()
            : null;

        if (authorization is not null)
        {
            var principal = await BearerAuthentication.AuthenticateAsync(http, authorization);
            if (principal is null)
            {
                Close(CloseCodes.Forbidden, "Forbidden: the access token is invalid, expired or revoked.");
                return;
            }

            http.User = principal;
            if (!WatchSession())
                return;
        }

        _acknowledged = true;
        Send(new OperationMessage { Type = "connection_ack" });
    }

    /// <summary>
    /// Holds one of the person's connection slots, and closes with 4403 when the access token expires or is revoked by
    /// a log-out on any replica, so that the client reconnects with a fresh token (graphql-ws can compute
    /// connectionParams anew on every connect for exactly this).
    /// </summary>
    private bool WatchSession()
    {
        var user = http.RequestServices.GetRequiredService<ICurrentUser>();
        if (user is not { Id: { } userId, AccessTokenId: { } tokenId, AccessTokenExpiresAt: { } expiresAt })
            return true;

        _session = sessions.TryOpen(userId, tokenId, () => Close(CloseCodes.Forbidden, "Forbidden: the access token was revoked (logged out)."));
        if (_session is null)
        {
            Close(CloseCodes.TooManyRequests, $"{DomainErrorCodes.RateLimited}: at most {sessions.MaxPerUser} open connections per person.");
            return false;
        }

        _ = CloseWhenExpiredAsync(expiresAt);
        return true;
    }

    private async Task CloseWhenExpiredAsync(DateTimeOffset expiresAt)
    {
        try
        {
            var remaining = expiresAt - clock.GetUtcNow();
            if (remaining > TimeSpan.Zero)
                await Task.Delay(remaining, clock, _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        Close(CloseCodes.Forbidden, "Forbidden: the access token expired; connect again with a fresh one.");
    }

    private void Subscribe(JsonElement message)
    {
        if (!_acknowledged)
        {
            Close(CloseCodes.Unauthorized, "Unauthorized: send connection_init first.");
            return;
        }

        if (IdOf(message) is not { Length: > 0 } id
            || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            Close(CloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query.");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload) ?? throw new JsonException("empty payload");
        }
        catch (JsonException)
        {
            Close(CloseCodes.BadRequest, "Invalid message received: the subscribe payload is not a GraphQL request.");
            return;
        }

        if (_operations.Count >= options.MaxOperationsPerConnection)
        {
            Send(new OperationMessage { Id = id, Type = "error", Payload = new[] { new ExecutionError($"At most {options.MaxOperationsPerConnection} operations can run on one connection.") { Code = DomainErrorCodes.RateLimited } } });
            return;
        }

        var operation = new Operation(http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope(), _lifetime.Token);
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists.");
            return;
        }

        _ = Task.Run(() => ExecuteAsync(id, operation, request));
    }

    private async Task ExecuteAsync(string id, Operation operation, GraphQLRequest request)
    {
        try
        {
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(operation.Services, http.User, operation.Cancellation));

            if (result.Streams is { Count: 1 } streams)
            {
                operation.Attach(streams.Values.Single().Subscribe(new StreamObserver(this, id, operation)));
                return;
            }

            if (result.Executed)
            {
                SendFor(id, operation, new OperationMessage { Id = id, Type = "next", Payload = result });
                SendFor(id, operation, new OperationMessage { Id = id, Type = "complete" });
            }
            else
            {
                SendFor(id, operation, new OperationMessage { Id = id, Type = "error", Payload = result.Errors?.ToArray() ?? [] });
            }

            Forget(id, operation);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            Forget(id, operation);
        }
        catch (Exception exception)
        {
            SendFor(id, operation, new OperationMessage { Id = id, Type = "error", Payload = new[] { ErrorMapping.ToError(exception, _logger) } });
            Forget(id, operation);
        }
    }

    /// <summary>Sends for an operation only while it is live: after the client's complete, nothing more may arrive.</summary>
    private void SendFor(string id, Operation operation, OperationMessage message)
    {
        if (_operations.TryGetValue(id, out var current) && ReferenceEquals(current, operation))
            Send(message);
    }

    private void Forget(string id)
    {
        if (_operations.TryRemove(id, out var operation))
            operation.Dispose();
    }

    private void Forget(string id, Operation operation)
    {
        if (_operations.TryRemove(new KeyValuePair<string, Operation>(id, operation)))
            operation.Dispose();
    }

    private void Send(OperationMessage message)
    {
        if (!_closing)
            _outbox.Writer.TryWrite(new Outgoing(serializer.Serialize(message), null, null));
    }

    private void Close(WebSocketCloseStatus status, string reason) => Close((int)status, reason);

    private void Close(int code, string reason)
    {
        if (_closing)
            return;
        _closing = true;
        _outbox.Writer.TryWrite(new Outgoing(null, (WebSocketCloseStatus)code, reason));
        _outbox.Writer.TryComplete();
    }

    private async Task PumpAsync()
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

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, _lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
            Close(CloseCodes.ConnectionInitTimeout, "Connection initialisation timeout.");
    }

    private static string? IdOf(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private sealed record Outgoing(string? Text, WebSocketCloseStatus? CloseStatus, string? CloseReason);

    /// <summary>An operation's DI scope, in-flight execution and (for subscriptions) its event stream.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationToken connection) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);
        private readonly Lock _gate = new();
        private IDisposable? _stream;
        private bool _disposed;

        public IServiceProvider Services => scope.ServiceProvider;

        public CancellationToken Cancellation => _cancellation.Token;

        public void Attach(IDisposable stream)
        {
            lock (_gate)
            {
                if (!_disposed)
                {
                    _stream = stream;
                    return;
                }
            }

            stream.Dispose();
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                    return;
                _disposed = true;
            }

            _cancellation.Cancel();
            _stream?.Dispose();
            _cancellation.Dispose();
            _ = scope.DisposeAsync().AsTask();
        }
    }

    private sealed class StreamObserver(GraphQLWsConnection connection, string id, Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            Hosting.FrienderTelemetry.Delivered();
            connection.SendFor(id, operation, new OperationMessage { Id = id, Type = "next", Payload = value });
        }

        public void OnError(Exception error)
        {
            var result = new ExecutionResult { Errors = [ErrorMapping.ToError(error, connection._logger)] };
            connection.SendFor(id, operation, new OperationMessage { Id = id, Type = "next", Payload = result });
            OnCompleted();
        }

        public void OnCompleted()
        {
            connection.SendFor(id, operation, new OperationMessage { Id = id, Type = "complete" });
            connection.Forget(id, operation);
        }
    }
}
