namespace Friender.Infrastructure.Realtime;

/// <summary>
/// One kept live event (Application's <c>RealtimeEvent.IsKept</c>): its recipient, its place in the recipient's
/// sequence, its wire payload (RealtimeChannel) and when it was sent. Written only by publish_live_event.sql, in the
/// transaction that stores the data it is about; read back by read_live_events.sql; pruned by prune_live_events.sql.
/// </summary>
internal sealed class LiveEventRow
{
    public Guid RecipientId { get; set; }

    public long Position { get; set; }

    public string Event { get; set; } = null!;

    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>
/// Where a person's sequence stands: the last position given out (taking it locks this row, so one person's events
/// commit in the order of their positions) and the last one pruned.
/// </summary>
internal sealed class LiveEventHead
{
    public Guid UserId { get; set; }

    public long LastPosition { get; set; }

    public long PrunedThrough { get; set; }
}
