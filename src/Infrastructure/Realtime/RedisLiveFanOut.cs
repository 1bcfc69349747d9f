using Friender.Application.Realtime;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// Live events between replicas over Redis pub/sub (ADR 0028). Kept events are journaled without a NOTIFY and
/// published here once committed, before the writer answers; typing goes the same way. Log-outs stay on Postgres
/// <c>NOTIFY</c> in their transaction, because the token check's list of revocations is tied to the LISTEN connection.
/// When Redis cannot take an event (down, timed out, or nobody subscribed) it goes by <c>NOTIFY</c> instead, which
/// every replica still listens to; when that fails too the event is still in the journal, and open subscriptions read
/// it at their next catch-up.
/// </summary>
public sealed class RedisLiveFanOut(RedisConnection redis, NpgsqlDataSource database, ILogger<RedisLiveFanOut> logger)
    : ILiveFanOut, IRealtimePublisher
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(RedisKeys.LiveEvents);

    public string? TransactionChannel => null;

    public async Task CommittedAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
            return;
        var unsent = redis.IsAvailable ? await PublishAsync(events) : events;
        foreach (var realtimeEvent in unsent)
            await NotifyAsync(realtimeEvent, cancellationToken);
    }

    public async Task PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        if (realtimeEvent is AccessTokenRevokedEvent)
        {
            await using var command = RealtimeChannel.Notify(database, realtimeEvent);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await CommittedAsync([realtimeEvent], cancellationToken);
    }

    /// <summary>Publishes every event at once (pipelined); returns those that Redis did not hand to any subscriber.</summary>
    private async Task<IReadOnlyList<RealtimeEvent>> PublishAsync(IReadOnlyList<RealtimeEvent> events)
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        var published = events.Select(realtimeEvent => subscriber.PublishAsync(Channel, RealtimeChannel.Encode(realtimeEvent))).ToList();
        var unsent = new List<RealtimeEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                // Every replica subscribes, this one included: nobody hearing it means the subscriptions are down.
                if (await published[i] == 0)
                    unsent.Add(events[i]);
            }
            catch (Exception exception) when (redis.Failed(exception, "live events"))
            {
                unsent.Add(events[i]);
            }
        }

        return unsent;
    }

    private async Task NotifyAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = RealtimeChannel.Notify(database, realtimeEvent);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // It committed: failing the request now would only make the client send it again.
            logger.LogWarning(exception, "Could not send a live event through Redis or Postgres; it stays in the journal for the next catch-up");
        }
    }
}
