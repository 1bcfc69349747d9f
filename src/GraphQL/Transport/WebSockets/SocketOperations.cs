using System.Collections.Concurrent;
using Friender.Application.Common.Exceptions;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// The operations running on one socket, by the client's id: each runs off the receive loop in its own DI scope; a
/// subscription stays until the client completes it, the stream ends or the socket closes. After the client's
/// <c>complete</c> nothing more is sent for that id.
/// </summary>
internal sealed class SocketOperations(
    WebSocketChannel channel,
    HttpContext http,
    IDocumentExecuter<ISchema> executer,
    GraphQLWebSocketOptions options,
    ILogger logger,
    CancellationToken connection)
{
    private readonly ConcurrentDictionary<string, SocketOperation> _running = new(StringComparer.Ordinal);

    public void Start(string id, GraphQLRequest request)
    {
        if (_running.Count >= options.MaxOperationsPerConnection)
        {
            var error = new ExecutionError($"At most {options.MaxOperationsPerConnection} operations can run on one connection.") { Code = ErrorCodes.RateLimited };
            channel.Send(new OperationMessage { Id = id, Type = MessageTypes.Error, Payload = new[] { error } });
            return;
        }

        var operation = new SocketOperation(http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope(), connection);
        if (!_running.TryAdd(id, operation))
        {
            operation.Dispose();
            channel.Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists.");
            return;
        }

        _ = Task.Run(() => ExecuteAsync(id, operation, request));
    }

    /// <summary>The client's <c>complete</c>: stops the operation; an unknown id is ignored.</summary>
    public void Complete(string id)
    {
        if (_running.TryRemove(id, out var operation))
            operation.Dispose();
    }

    /// <summary>The socket is closing: stops every operation.</summary>
    public void CompleteAll()
    {
        foreach (var id in _running.Keys)
            Complete(id);
    }

    /// <summary>Sends for an operation only while it is live: after the client's complete, nothing more may arrive.</summary>
    public void SendFor(string id, SocketOperation operation, OperationMessage message)
    {
        if (_running.TryGetValue(id, out var current) && ReferenceEquals(current, operation))
            channel.Send(message);
    }

    /// <summary>The operation ended on our side (answered, failed, or its stream completed).</summary>
    public void Ended(string id, SocketOperation operation)
    {
        if (_running.TryRemove(new KeyValuePair<string, SocketOperation>(id, operation)))
            operation.Dispose();
    }

    /// <summary>An error for the client, through the one place that turns exceptions into coded errors.</summary>
    public ExecutionError ToError(Exception exception) => ErrorMapping.ToError(exception, logger);

    private async Task ExecuteAsync(string id, SocketOperation operation, GraphQLRequest request)
    {
        try
        {
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(operation.Services, http.User, operation.Cancellation));

            if (result.Streams is { Count: 1 } streams)
            {
                operation.Attach(streams.Values.Single().Subscribe(new OperationObserver(this, id, operation)));
                return;
            }

            if (result.Executed)
            {
                SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Next, Payload = result });
                SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Complete });
            }
            else
            {
                SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Error, Payload = result.Errors?.ToArray() ?? [] });
            }

            Ended(id, operation);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
            Ended(id, operation);
        }
        catch (Exception exception)
        {
            SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Error, Payload = new[] { ToError(exception) } });
            Ended(id, operation);
        }
    }
}
