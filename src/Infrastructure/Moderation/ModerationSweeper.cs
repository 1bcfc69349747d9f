using Friender.Application.Common.Abstractions;
using Friender.Application.Moderation.Common;
using Friender.Domain.Moderation;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Friender.Infrastructure.Moderation;

/// <summary>
/// Every <see cref="ModerationOptions.ExpirySweepInterval"/>, on every replica: restores accounts whose suspension has
/// run out (back in decks, matches open again, tokens accepted on every replica: AccountStanding.RestoreAsync; log-in
/// and the token check already let the person in from the end itself), and erases the messages copied into reports
/// decided longer ago than <see cref="ModerationOptions.EvidenceRetention"/>. A suspension two replicas restore at once
/// is restored once (the second finds no row to delete).
/// </summary>
public sealed class ModerationSweeper(
    IServiceScopeFactory scopes, NpgsqlDataSource database, IOptions<ModerationOptions> options, TimeProvider clock, ILogger<ModerationSweeper> logger)
    : BackgroundService
{
    private static readonly SqlStatement EraseEvidence = SqlStatement.Load("erase_report_evidence.sql");

    private const int BatchSize = 100;

    /// <summary>Restores every suspension that has ended; returns how many.</summary>
    public async Task<int> RestoreExpiredAsync(CancellationToken cancellationToken)
    {
        var restored = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            var standing = scope.ServiceProvider.GetRequiredService<AccountStanding>();
            var now = clock.GetUtcNow();
            var ended = await db.AccountSuspensions.Where(AccountSuspension.EndedBy(now))
                .OrderBy(suspension => suspension.Until).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var suspension in ended)
                await standing.RestoreAsync(suspension, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                restored += ended.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another replica restored some of them first; the next round finds what is left.
            }

            if (ended.Count < BatchSize)
                return restored;
        }
    }

    /// <summary>
    /// Erases the copied messages and the kept photo copies of reports decided before the retention; returns how many
    /// reports it touched.
    /// </summary>
    public async Task<int> EraseOldEvidenceAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.EvidenceRetention;
        await using var command = EraseEvidence.CreateCommand(database, SqlStatement.Value(before));
        var erased = await command.ExecuteNonQueryAsync(cancellationToken);
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var forgotten = await scope.ServiceProvider.GetRequiredService<PhotoEvidence>().ForgetAsync(before, cancellationToken);
            erased += forgotten;
            if (forgotten == 0)
                return erased;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var restored = await RestoreExpiredAsync(stoppingToken);
                if (restored > 0)
                    logger.LogInformation("Restored {Count} accounts whose suspension ended", restored);
                var erased = await EraseOldEvidenceAsync(stoppingToken);
                if (erased > 0)
                    logger.LogInformation("Erased the copied messages of {Count} reports past retention", erased);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "A moderation sweep failed; will retry");
            }
        }
    }
}
