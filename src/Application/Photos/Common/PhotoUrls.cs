using Friender.Application.Common.Abstractions;
using Friender.Domain.Photos;

namespace Friender.Application.Photos.Common;

/// <summary>Turns stored photos into DTOs with a fresh presigned URL each time they are read.</summary>
public sealed class PhotoUrls(IPhotoStorage storage)
{
    public PhotoDto For(Photo photo)
    {
        var url = storage.PresignGet(photo.StorageKey);
        return new PhotoDto(photo.Id, url.Url, url.ExpiresAt, photo.Position, photo.Width, photo.Height);
    }

    public IReadOnlyList<PhotoDto> For(IEnumerable<Photo> photos) => photos.OrderBy(photo => photo.Position).Select(For).ToList();

    public IReadOnlyList<PhotoDto> For(IEnumerable<PhotoReference> photos) =>
        photos.OrderBy(photo => photo.Position).Select(photo =>
        {
            var url = storage.PresignGet(photo.StorageKey);
            return new PhotoDto(photo.Id, url.Url, url.ExpiresAt, photo.Position, photo.Width, photo.Height);
        }).ToList();
}
