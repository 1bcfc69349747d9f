namespace Friender.Domain.Photos;

/// <summary>A photo's record; its bytes live in object storage under <see cref="StorageKey"/>, never in the database.</summary>
public sealed class Photo
{
    private Photo()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string StorageKey { get; private set; } = null!;

    public string ContentType { get; private set; } = null!;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public long SizeBytes { get; private set; }

    public int Position { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set while enough people who met its owner have reported it: shown to nobody but its owner until reviewed.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    public void Hide(DateTimeOffset now) => HiddenAt ??= now;

    public void Unhide() => HiddenAt = null;

    internal static Photo Create(Guid id, Guid userId, StoredImage image, int position, DateTimeOffset now) =>
        new()
        {
            Id = id,
            UserId = userId,
            StorageKey = image.StorageKey,
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            SizeBytes = image.SizeBytes,
            Position = position,
            CreatedAt = now,
        };

    internal void MoveTo(int position) => Position = position;
}
