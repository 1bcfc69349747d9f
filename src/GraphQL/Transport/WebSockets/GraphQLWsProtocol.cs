using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// The graphql-transport-ws message switch: every message is a JSON object with a string <c>type</c>; anything else,
/// or an unknown type, closes the socket with 4400. Subscribing needs the <c>connection_ack</c> first (4401).
/// </summary>
internal sealed class GraphQLWsProtocol(
    WebSocketChannel channel,
    ConnectionInitializer initializer,
    SocketOperations operations,
    IGraphQLTextSerializer serializer)
{
    public async Task HandleAsync(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            channel.Close(CloseCodes.BadRequest, "Invalid message received: not JSON.");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            // Messages are small (MaxMessageBytes): checking every string once up front keeps a lone surrogate from
            // failing deep inside a read.
            if (!JsonText.IsReadable(root))
            {
                channel.Close(CloseCodes.BadRequest, "Invalid message received: " + JsonText.LoneSurrogate);
                return;
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                channel.Close(CloseCodes.BadRequest, "Invalid message received: no 'type'.");
                return;
            }

            switch (type.GetString())
            {
                case MessageTypes.ConnectionInit:
                    await initializer.InitialiseAsync(root);
                    break;
                case MessageTypes.Ping:
                    channel.Send(new OperationMessage { Type = MessageTypes.Pong });
                    break;
                case MessageTypes.Pong:
                    break;
                case MessageTypes.Subscribe:
                    Subscribe(root);
                    break;
                case MessageTypes.Complete:
                    if (IdOf(root) is { } completed)
                        operations.Complete(completed);
                    break;
                default:
                    channel.Close(CloseCodes.BadRequest, $"Invalid message received: unknown type '{type.GetString()}'.");
                    break;
            }
        }
    }

    private void Subscribe(JsonElement message)
    {
        if (!initializer.Acknowledged)
        {
            channel.Close(CloseCodes.Unauthorized, "Unauthorized: send connection_init first.");
            return;
        }

        if (IdOf(message) is not { Length: > 0 } id
            || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            channel.Close(CloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query.");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload) ?? throw new JsonException("empty payload");
        }
        catch (JsonException)
        {
            channel.Close(CloseCodes.BadRequest, "Invalid message received: the subscribe payload is not a GraphQL request.");
            return;
        }

        operations.Start(id, request);
    }

    private static string? IdOf(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
