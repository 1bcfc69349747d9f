using GraphQL;
using GraphQL.Transport;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// A subscription's events as messages: each result a <c>next</c>; a failure a <c>next</c> carrying the coded error,
/// then <c>complete</c>; the end of the stream <c>complete</c>.
/// </summary>
internal sealed class OperationObserver(SocketOperations operations, string id, SocketOperation operation) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value)
    {
        Hosting.FrienderTelemetry.Delivered();
        operations.SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Next, Payload = value });
    }

    public void OnError(Exception error)
    {
        var result = new ExecutionResult { Errors = [operations.ToError(error)] };
        operations.SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Next, Payload = result });
        OnCompleted();
    }

    public void OnCompleted()
    {
        operations.SendFor(id, operation, new OperationMessage { Id = id, Type = MessageTypes.Complete });
        operations.Ended(id, operation);
    }
}
