using Friender.Domain.Common;

namespace Friender.Domain.Photos;

/// <summary>One person's photos in display order: at most six, positions 0..n-1 with no gaps.</summary>
public sealed class PhotoAlbum
{
    public const int MaxPhotos = 6;

    private readonly Guid _ownerId;
    private readonly List<Photo> _photos;

    public PhotoAlbum(Guid ownerId, IEnumerable<Photo> photos)
    {
        _ownerId = ownerId;
        _photos = photos.OrderBy(photo => photo.Position).ToList();
        if (_photos.Any(photo => photo.UserId != ownerId))
            throw new ArgumentException("An album holds one person's photos only.", nameof(photos));
    }

    public IReadOnlyList<Photo> Photos => _photos;

    public static string StorageKeyFor(Guid userId, Guid photoId, string extension) =>
        $"users/{userId}/{photoId}.{extension}";

    public void EnsureRoom()
    {
        if (_photos.Count >= MaxPhotos)
            throw new DomainException(DomainErrorCodes.PhotoLimitReached, $"You can have at most {MaxPhotos} photos; delete one first.");
    }

    public Photo Add(Guid photoId, StoredImage image, DateTimeOffset now)
    {
        EnsureRoom();
        var photo = Photo.Create(photoId, _ownerId, image, _photos.Count, now);
        _photos.Add(photo);
        return photo;
    }

    public PhotoObjectDeletion Remove(Guid photoId, DateTimeOffset now)
    {
        var photo = _photos.SingleOrDefault(candidate => candidate.Id == photoId)
            ?? throw DomainException.NotFound("That photo was not found.");
        _photos.Remove(photo);
        Renumber();
        return PhotoObjectDeletion.For(photo, now);
    }

    public void Reorder(IReadOnlyList<Guid> order)
    {
        if (order.Count != _photos.Count || order.Distinct().Count() != order.Count
            || !order.All(id => _photos.Any(photo => photo.Id == id)))
        {
            throw DomainException.InvalidInput("List each of your photos exactly once, in the new order.");
        }

        _photos.Sort((left, right) => IndexOf(order, left.Id).CompareTo(IndexOf(order, right.Id)));
        Renumber();
    }

    private static int IndexOf(IReadOnlyList<Guid> order, Guid id)
    {
        for (var index = 0; index < order.Count; index++)
        {
            if (order[index] == id)
                return index;
        }

        return -1;
    }

    private void Renumber()
    {
        for (var position = 0; position < _photos.Count; position++)
            _photos[position].MoveTo(position);
    }
}
