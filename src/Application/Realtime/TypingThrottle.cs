using System.Collections.Concurrent;

namespace Friender.Application.Realtime;

/// <summary>
/// The typing throttle counted in this API process: the one-box default, and what the shared one falls back to while
/// its store cannot be reached (then each replica lets one event through per interval).
/// </summary>
public sealed class TypingThrottle(TimeProvider clock) : ITypingThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<(Guid Typist, Guid Match), DateTimeOffset> _lastSent = new();

    public ValueTask<bool> TryAcquireAsync(Guid typistId, Guid matchId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryAcquire(typistId, matchId));

    /// <summary>True when this typing event should go out; false when one went out less than a second ago.</summary>
    public bool TryAcquire(Guid typistId, Guid matchId)
    {
        var now = clock.GetUtcNow();
        var key = (typistId, matchId);
        while (true)
        {
            if (!_lastSent.TryGetValue(key, out var last))
            {
                if (!_lastSent.TryAdd(key, now))
                    continue;
                SweepIfLarge(now);
                return true;
            }

            if (now - last < Interval)
                return false;
            if (_lastSent.TryUpdate(key, now, last))
                return true;
        }
    }

    private void SweepIfLarge(DateTimeOffset now)
    {
        if (_lastSent.Count < SweepThreshold)
            return;
        foreach (var (key, last) in _lastSent)
        {
            if (now - last >= Interval)
                _lastSent.TryRemove(new KeyValuePair<(Guid, Guid), DateTimeOffset>(key, last));
        }
    }
}
