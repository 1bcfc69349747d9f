namespace Friender.Application.Realtime;

/// <summary>
/// Slots for a person's live connections, at most a cap of them: counted in this process
/// (<see cref="InProcessConnectionLeases"/>), or across replicas as leases that expire unless renewed, so a replica
/// that dies without a word leaks no slot for longer than a lease lives.
/// </summary>
public interface IConnectionLeases
{
    /// <summary>A slot for one more connection of <paramref name="userId"/>, released when disposed; null when they hold <paramref name="cap"/>.</summary>
    ValueTask<IDisposable?> TryAcquireAsync(Guid userId, int cap, CancellationToken cancellationToken);
}

/// <summary>The connections of each person in this process: the one-box default, and the fallback of shared leases.</summary>
public sealed class InProcessConnectionLeases : IConnectionLeases
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _open = new();

    public ValueTask<IDisposable?> TryAcquireAsync(Guid userId, int cap, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(userId, cap));

    public IDisposable? TryAcquire(Guid userId, int cap)
    {
        while (true)
        {
            var count = _open.GetOrAdd(userId, 0);
            if (count >= cap)
                return null;
            if (_open.TryUpdate(userId, count + 1, count))
                return new Release(() => Decrement(userId));
        }
    }

    private void Decrement(Guid userId)
    {
        while (_open.TryGetValue(userId, out var count))
        {
            var done = count <= 1
                ? _open.TryRemove(new KeyValuePair<Guid, int>(userId, count))
                : _open.TryUpdate(userId, count - 1, count);
            if (done)
                return;
        }
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
