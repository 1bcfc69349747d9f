using Friender.Application.Realtime;
using Friender.Infrastructure.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// One connection per API process that LISTENs on <see cref="RealtimeChannel.Name"/> and hands what arrives to the
/// <see cref="LiveEventQueue"/>: every live event on one box, and with Redis fan-out the revocations and whatever a
/// replica could not publish to Redis (<see cref="RedisLiveFanOut"/>). When Postgres goes away it listens again with backoff; open subscriptions are
/// in this process and keep working: those that follow a cursor hold back what arrives from the moment the connection
/// is lost, and once it listens again they read what they missed from the journal, then let the rest through
/// (<see cref="LiveFeed.Interrupted"/>, <see cref="LiveFeed.CatchUp"/>). Being the one connection that is always waiting on Postgres, it is also the first to hear that
/// Postgres went away, and it empties the pool then: otherwise every idle pooled connection, dead since the restart,
/// would fail the first request that took it.
/// </summary>
public sealed class PostgresRealtimeListener(
    ListenerConnectionString connectionString,
    NpgsqlDataSource pool,
    RevocationList revocations,
    LiveFeed feed,
    LiveEventQueue queue,
    IOptions<RealtimeOptions> options,
    ILogger<PostgresRealtimeListener> logger)
    : BackgroundService
{
    private volatile bool _listening;

    /// <summary>Whether events from other processes reach this one right now.</summary>
    public bool IsListening => _listening;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => delay = options.Value.ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                if (_listening)
                    pool.Clear();
                _listening = false;
                revocations.Lost();
                logger.LogWarning(exception, "Lost the realtime listening connection to Postgres (idle pooled connections dropped); listening again in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
            }
        }

        _listening = false;
        revocations.Lost();
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString.Value);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, notification) =>
        {
            if (RealtimeChannel.Decode(notification.Payload) is not { } realtimeEvent)
                return;
            // Before anything else, so the next request on this replica already knows.
            if (realtimeEvent is AccessTokenRevokedEvent revoked)
                revocations.Apply(revoked);
            queue.Post(realtimeEvent);
        };
        // Held back before the LISTEN, caught up after it: whatever NOTIFY brings from now on waits for the journal.
        feed.Interrupted();
        await using (var listen = RealtimeChannel.Listen(connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        await revocations.LoadAsync(connection, stoppingToken);
        feed.CatchUp();

        _listening = true;
        connected();
        logger.LogInformation("Listening for realtime events on Postgres channel {Channel}", RealtimeChannel.Name);
        while (true)
            await connection.WaitAsync(stoppingToken);
    }
}

/// <summary>
/// The listening connection's own settings: outside the pool (a LISTEN must not be handed to other requests) and
/// with keep-alives, so that a Postgres that vanished without a word is noticed within seconds. It is named
/// <see cref="ApplicationName"/> in <c>pg_stat_activity</c>.
/// </summary>
public sealed record ListenerConnectionString(string Value)
{
    public const string ApplicationName = "friender-listener";

    public static ListenerConnectionString From(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 5, Timeout = 5, ApplicationName = ApplicationName }.ConnectionString);
}
