using Friender.Domain.Messaging;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// Deletes the kept live events that <see cref="LiveEventRetention"/> no longer keeps, in batches, every few minutes
/// on every replica (the batches are small and idempotent, so replicas pruning at once only share the work).
/// </summary>
public sealed class LiveEventPruner(NpgsqlDataSource database, TimeProvider clock, ILogger<LiveEventPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private const int BatchSize = 5_000;
    private static readonly SqlStatement Prune = SqlStatement.Load("prune_live_events.sql");

    /// <summary>Prunes until nothing more is due; returns how many events went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var command = Prune.CreateCommand(
                database,
                SqlStatement.Value(LiveEventRetention.MinimumAge),
                SqlStatement.Value(LiveEventRetention.MinimumCount),
                SqlStatement.Value(BatchSize));
            var pruned = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            total += pruned;
            if (pruned < BatchSize)
                return total;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                    logger.LogInformation("Pruned {Count} live events past retention", pruned);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Pruning live events failed; will retry");
            }
        }
    }
}
