using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Friender.Infrastructure.Storage;

/// <summary>Retries the deletions of photo objects that storage refused when their photos were deleted.</summary>
public sealed class PhotoObjectDeletionSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PhotoObjectDeletionSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrienderDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IPhotoStorage>();
        var pending = await db.PhotoObjectDeletions.OrderBy(deletion => deletion.RequestedAt).Take(100).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var deletion in pending)
        {
            try
            {
                await storage.DeleteAsync(deletion.StorageKey, cancellationToken);
                db.PhotoObjectDeletions.Remove(deletion);
                removed++;
            }
            catch (StorageUnavailableException)
            {
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sweeping pending photo object deletions failed; will retry");
            }
        }
    }
}
