using System.Net.WebSockets;
using Friender.Application.Common.Exceptions;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection, put together from its parts: the frames and send pump
/// (<see cref="WebSocketChannel"/>), <c>connection_init</c> and authentication (<see cref="ConnectionInitializer"/>), the
/// message switch (<see cref="GraphQLWsProtocol"/>) and the running operations (<see cref="SocketOperations"/>).
/// </summary>
internal sealed class GraphQLWsConnection
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly WebSocketChannel _channel;
    private readonly ConnectionInitializer _initializer;
    private readonly SocketOperations _operations;
    private readonly GraphQLWsProtocol _protocol;
    private readonly ILogger _logger;

    public GraphQLWsConnection(
        WebSocket socket,
        HttpContext http,
        IDocumentExecuter<ISchema> executer,
        IGraphQLTextSerializer serializer,
        GraphQLWebSocketOptions options,
        WebSocketSessions sessions,
        TimeProvider clock,
        ILogger logger)
    {
        _channel = new WebSocketChannel(socket, serializer, options);
        _initializer = new ConnectionInitializer(_channel, http, sessions, options, clock, logger, _lifetime.Token);
        _logger = logger;
        _operations = new SocketOperations(_channel, http, executer, options, logger, _lifetime.Token);
        _protocol = new GraphQLWsProtocol(_channel, _initializer, _operations, serializer);
    }

    public async Task RunAsync()
    {
        var pump = _channel.PumpAsync();
        _ = _initializer.CloseUnlessInitialisedAsync();
        try
        {
            await _channel.ReceiveAsync(_protocol.HandleAsync);
        }
        catch (WebSocketException)
        {
            // The client vanished without a close frame.
        }
        catch (Exception exception)
        {
            // Nothing escapes to the host, where the socket would be aborted and the client would see 1006.
            _logger.LogError(exception, "Unhandled exception on a WebSocket connection");
            _channel.Close(CloseCodes.InternalError, $"{ErrorCodes.Internal}: something went wrong on our side; connect again.");
        }
        finally
        {
            _operations.CompleteAll();
            _initializer.Dispose();
            await _lifetime.CancelAsync();
            _channel.Complete();
            await pump;
            _lifetime.Dispose();
        }
    }

    public void ServerStopping() => _channel.Close(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down.");
}
