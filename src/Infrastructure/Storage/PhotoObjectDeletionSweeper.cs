using Friender.Application.Photos.Common;
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
        var pending = await db.PhotoObjectDeletions.OrderBy(deletion => deletion.RequestedAt).Take(100).ToListAsync(cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<PhotoObjectDeleter>().DeleteAsync(pending, cancellationToken);
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
