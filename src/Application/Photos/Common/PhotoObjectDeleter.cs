using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Photos;
using Microsoft.Extensions.Logging;

namespace Friender.Application.Photos.Common;

/// <summary>
/// Deletes photo objects whose deletion was queued (<see cref="PhotoObjectDeletion"/>) in the transaction that removed
/// their photos: deletePhoto and deleteAccount right after it commits, the sweeper later for what storage refused then.
/// </summary>
public sealed class PhotoObjectDeleter(IAppDbContext db, IPhotoStorage storage, ILogger<PhotoObjectDeleter> logger)
{
    /// <summary>
    /// Deletes each object from storage and drops its queued row, in order, stopping at the first that storage refuses
    /// (it is down, and the rest would fail too); what is left stays queued. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyList<PhotoObjectDeletion> queued, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var deletion in queued)
        {
            try
            {
                await storage.DeleteAsync(deletion.StorageKey, cancellationToken);
            }
            catch (StorageUnavailableException unavailable)
            {
                logger.LogWarning(unavailable.Cause, "Photo storage refused a deletion; {Count} photo objects stay queued and will be retried", queued.Count - deleted);
                break;
            }

            db.PhotoObjectDeletions.Remove(deletion);
            deleted++;
        }

        if (deleted > 0)
            await db.SaveChangesAsync(cancellationToken);
        return deleted;
    }
}
