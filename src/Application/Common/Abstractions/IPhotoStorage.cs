namespace Friender.Application.Common.Abstractions;

/// <summary>Object storage for photo bytes. Failures surface as <see cref="Exceptions.StorageUnavailableException"/>.</summary>
public interface IPhotoStorage
{
    Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Copies an object within the bucket (the copy outlives the original's deletion).</summary>
    Task CopyAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken);

    /// <summary>A short-lived URL anyone holding it can GET the object with; the database never stores URLs.</summary>
    PresignedUrl PresignGet(string key);
}

public sealed record PresignedUrl(Uri Url, DateTimeOffset ExpiresAt);
