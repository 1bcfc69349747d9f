using Friender.Application.Common.Abstractions;
using Friender.Domain.Photos;

namespace Friender.Application.Photos.Common;

/// <summary>Turns stored photos into DTOs with a fresh presigned URL each time they are read.</summary>
public sealed class PhotoUrls(IPhotoStorage storage)
{
    public PhotoDto For(Photo photo) => Dto(photo.Id, photo.StorageKey, photo.Position, photo.Width, photo.Height);

    public IReadOnlyList<PhotoDto> For(IEnumerable<Photo> photos) => photos.OrderBy(photo => photo.Position).Select(For).ToList();

    public IReadOnlyList<PhotoDto> For(IEnumerable<PhotoReference> photos) =>
        photos.OrderBy(photo => photo.Position).Select(photo => Dto(photo.Id, photo.StorageKey, photo.Position, photo.Width, photo.Height)).ToList();

    private PhotoDto Dto(Guid id, string storageKey, int position, int width, int height)
    {
        var url = storage.PresignGet(storageKey);
        return new PhotoDto(id, url.Url, url.ExpiresAt, position, width, height);
    }
}
