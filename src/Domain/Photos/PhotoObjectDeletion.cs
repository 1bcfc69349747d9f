namespace Friender.Domain.Photos;

/// <summary>
/// An object to remove from storage, recorded in the same transaction that deleted its photo, so a storage outage
/// or a crash between the two cannot leave the bytes behind for ever.
/// </summary>
public sealed class PhotoObjectDeletion
{
    private PhotoObjectDeletion()
    {
    }

    public string StorageKey { get; private set; } = null!;

    public DateTimeOffset RequestedAt { get; private set; }

    public static PhotoObjectDeletion For(Photo photo, DateTimeOffset now) =>
        new() { StorageKey = photo.StorageKey, RequestedAt = now };
}
