using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Friender.Domain.Photos;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Friender.Application.Photos.UploadPhoto;

public sealed record UploadPhotoCommand(PhotoUpload File) : ICommand<UploadPhotoResult>;

public sealed record UploadPhotoResult(PhotoDto Photo);

public sealed class UploadPhotoHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IPhotoStorage storage,
    IImageProcessor images,
    PhotoUrls urls,
    TimeProvider clock,
    ILogger<UploadPhotoHandler> logger)
    : ICommandHandler<UploadPhotoCommand, UploadPhotoResult>
{
    public const int MaxMegabytes = 10;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024;

    public async ValueTask<UploadPhotoResult> Handle(UploadPhotoCommand command, CancellationToken cancellationToken)
    {
        if (command.File.Length > MaxBytes)
            throw TooLarge();
        if (command.File.Length == 0)
            throw InputValidationException.ForField("file", "The file is empty.");

        var userId = currentUser.Id!.Value;
        var album = await db.LoadAsync(userId, cancellationToken);
        album.EnsureRoom();

        var content = await ReadAsync(command.File, cancellationToken);
        var format = ImageSignature.Detect(content)
            ?? throw new AppException(ErrorCodes.UnsupportedMediaType, "Upload a JPEG, PNG or WebP image.");
        var image = images.Normalize(content, format);

        var now = clock.GetUtcNow();
        var photoId = Guid.CreateVersion7(now);
        var key = PhotoAlbum.StorageKeyFor(userId, photoId, image.Extension);
        await storage.PutAsync(key, image.Content, image.ContentType, cancellationToken);

        var photo = album.Add(photoId, new StoredImage(key, image.ContentType, image.Width, image.Height, image.Content.Length), now);
        db.Photos.Add(photo);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            // The bytes are stored but the record is not: remove them, or they would be orphaned for ever.
            await DeleteQuietlyAsync(key);
            if (failure is UniqueConstraintViolationException { ConstraintName: ConstraintNames.PhotoPositionUnique })
                throw new AppException(ErrorCodes.Conflict, "Another photo was added at the same time; try again.");
            throw;
        }

        return new UploadPhotoResult(urls.For(photo));
    }

    private static async Task<byte[]> ReadAsync(PhotoUpload file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.Content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes)
            throw TooLarge();
        return buffer.ToArray();
    }

    private static AppException TooLarge() => new(ErrorCodes.PayloadTooLarge, $"A photo is at most {MaxMegabytes} MB.");

    private async Task DeleteQuietlyAsync(string key)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (StorageUnavailableException exception)
        {
            logger.LogError(exception.Cause, "Could not delete {Key} after its photo record failed to save", key);
        }
    }
}
