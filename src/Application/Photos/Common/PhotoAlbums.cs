using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Photos;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Photos.Common;

internal static class PhotoAlbums
{
    public static async Task<PhotoAlbum> LoadAsync(this IAppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        new(userId, await db.Photos.Where(photo => photo.UserId == userId).ToListAsync(cancellationToken));

    /// <summary>Saves changes to an album; positions are unique per person, so a concurrent change is a conflict.</summary>
    public static async Task SaveAlbumAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "Your photos were changed by another request at the same time; try again.");
        }
    }
}
