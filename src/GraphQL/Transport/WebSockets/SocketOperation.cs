namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// One operation of a socket: its DI scope, its cancellation (linked to the connection's) and, for a subscription,
/// its event stream. Disposing it cancels the execution, ends the stream and releases the scope, once; a stream that
/// arrives after that is disposed at once.
/// </summary>
internal sealed class SocketOperation(AsyncServiceScope scope, CancellationToken connection) : IDisposable
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
