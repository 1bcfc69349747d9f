namespace Friender.Application.Realtime;

/// <summary>
/// Where a person's kept live events wait for a client that was away (<see cref="RealtimeEvent.IsKept"/>). The store
/// writes them in the transaction that stores their data; this port reads them back, from the primary.
/// </summary>
public interface ILiveJournal
{
    /// <summary>
    /// Up to <paramref name="limit"/> of <paramref name="recipientId"/>'s kept events after position
    /// <paramref name="after"/>, oldest first, with where the person's sequence stands.
    /// </summary>
    Task<LiveJournalPage> ReadAsync(Guid recipientId, long after, int limit, CancellationToken cancellationToken);
}

/// <param name="Events">The events, each with its <see cref="RealtimeEvent.Position"/>.</param>
/// <param name="Head">The position of the person's latest event (0 when there has been none).</param>
/// <param name="PrunedThrough">Every event up to this position is gone (retention); 0 when none is.</param>
/// <param name="ReadThrough">The position the page reaches: where the next page starts.</param>
public sealed record LiveJournalPage(IReadOnlyList<RealtimeEvent> Events, long Head, long PrunedThrough, long ReadThrough)
{
    /// <summary>Whether events after this page were already kept when it was read.</summary>
    public bool HasMore => ReadThrough < Head;

    /// <summary>Whether a client that saw everything up to <paramref name="after"/> can be brought up to date.</summary>
    public bool CanReplayFrom(long after) => after >= PrunedThrough && after <= Head;
}
