using Friender.Application.Common.Abstractions;
using Friender.Domain.Photos;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Photos.Common;

internal static class PhotoAlbums
{
    public const string PositionConstraint = "ux_photos_user_position";

    public static async Task<PhotoAlbum> LoadAsync(this IAppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        new(userId, await db.Photos.Where(photo => photo.UserId == userId).ToListAsync(cancellationToken));
}
