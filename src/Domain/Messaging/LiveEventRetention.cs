namespace Friender.Domain.Messaging;

/// <summary>
/// How long a person's live events (messages, matches, read receipts, ended matches) stay replayable after they were
/// sent: a client that reconnects with the cursor of the last event it saw gets every later one that is still kept.
/// An event is kept while it is younger than <see cref="MinimumAge"/> or among the person's newest
/// <see cref="MinimumCount"/>, whichever keeps more. Pruning runs in SQL (prune_live_events.sql); a parity test holds
/// it to <see cref="Keeps"/>.
/// </summary>
public static class LiveEventRetention
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromHours(24);

    public const int MinimumCount = 1_000;

    /// <param name="age">How long ago the event was sent.</param>
    /// <param name="newer">How many events the same person has had since.</param>
    public static bool Keeps(TimeSpan age, long newer) => age < MinimumAge || newer < MinimumCount;
}
