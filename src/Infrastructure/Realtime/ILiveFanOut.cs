using Friender.Application.Realtime;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// How a live event about stored data reaches every replica (ADR 0028). Either way it is numbered and journaled in the
/// transaction that stores the data, so it exists if and only if the data committed; what differs is the wire.
/// On one box <c>NOTIFY</c> goes out with the commit (<see cref="PostgresLiveFanOut"/>); with Redis the writer publishes
/// it after the commit, before answering (<see cref="RedisLiveFanOut"/>), and Postgres no longer serialises every
/// notifying commit on its notify queue.
/// </summary>
public interface ILiveFanOut
{
    /// <summary>The channel to NOTIFY in the writing transaction, or null when <see cref="CommittedAsync"/> sends the event.</summary>
    string? TransactionChannel { get; }

    /// <summary>Sends events that have committed (kept ones with their position), when they travel after commit.</summary>
    Task CommittedAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken);
}

/// <summary>The one-box fan-out: NOTIFY inside the writing transaction, nothing to do after it.</summary>
public sealed class PostgresLiveFanOut : ILiveFanOut
{
    public static readonly PostgresLiveFanOut Instance = new();

    public string? TransactionChannel => RealtimeChannel.Name;

    public Task CommittedAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>Realtime:FanOut</c>: what carries live events between replicas (Redis by default when it is configured).</summary>
public enum LiveFanOutKind
{
    Postgres,
    Redis,
}
