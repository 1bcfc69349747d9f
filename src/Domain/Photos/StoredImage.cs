namespace Friender.Domain.Photos;

/// <summary>An image already written to object storage, about to be recorded as a photo.</summary>
public sealed record StoredImage(string StorageKey, string ContentType, int Width, int Height, long SizeBytes);
