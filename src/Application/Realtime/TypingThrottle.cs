using System.Collections.Concurrent;

namespace Friender.Application.Realtime;

/// <summary>
/// At most one typing event per second per person and match: clients call setTyping on every key press, the other
/// person needs to hear it once. Counted per API process, which at worst lets one extra event through per replica.
/// </summary>
public sealed class TypingThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<(Guid Typist, Guid Match), DateTimeOffset> _lastSent = new();

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
