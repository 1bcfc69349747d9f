using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>Upgrades /graphql to a WebSocket speaking graphql-transport-ws, the protocol graphql-ws clients and the IDE use.</summary>
internal sealed class GraphQLWebSocketEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLWebSocketOptions> options,
    IHostApplicationLifetime lifetime,
    WebSocketSessions sessions,
    TimeProvider clock,
    Hosting.ShutdownDrain drain,
    ILogger<GraphQLWsConnection> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.OrdinalIgnoreCase))
        {
            // Refusing before the upgrade lets browsers see why; a socket accepted without the protocol just fails.
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync($"Use the WebSocket subprotocol '{SubProtocol}'.", http.RequestAborted);
            return;
        }

        if (drain.Draining)
        {
            // Stopping: the client reconnects, and by then the balancer sends it to another replica.
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        var connection = new GraphQLWsConnection(socket, http, executer, serializer, options.Value, sessions, clock, logger);
        using var stopping = lifetime.ApplicationStopping.Register(connection.ServerStopping);
        Hosting.FrienderTelemetry.WebSocketOpened();
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            Hosting.FrienderTelemetry.WebSocketClosed();
        }
    }
}
