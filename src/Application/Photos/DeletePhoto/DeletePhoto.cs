using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Friender.Application.Photos.DeletePhoto;

public sealed record DeletePhotoCommand(Guid PhotoId) : ICommand<DeletePhotoResult>;

public sealed record DeletePhotoResult(Guid DeletedPhotoId, IReadOnlyList<PhotoDto> Photos);

public sealed class DeletePhotoValidator : AbstractValidator<DeletePhotoCommand>
{
    public DeletePhotoValidator() => RuleFor(x => x.PhotoId).NotEmpty().WithMessage("Say which photo to delete.");
}

public sealed class DeletePhotoHandler(
    IAppDbContext db,
    ICurrentUser currentUser,
    IPhotoStorage storage,
    PhotoUrls urls,
    TimeProvider clock,
    ILogger<DeletePhotoHandler> logger)
    : ICommandHandler<DeletePhotoCommand, DeletePhotoResult>
{
    public async ValueTask<DeletePhotoResult> Handle(DeletePhotoCommand command, CancellationToken cancellationToken)
    {
        var album = await db.LoadAsync(currentUser.Id!.Value, cancellationToken);
        var photo = album.Photos.SingleOrDefault(candidate => candidate.Id == command.PhotoId);
        var deletion = album.Remove(command.PhotoId, clock.GetUtcNow());
        db.Photos.Remove(photo!);
        db.PhotoObjectDeletions.Add(deletion);
        await db.SaveAlbumAsync(cancellationToken);

        try
        {
            await storage.DeleteAsync(deletion.StorageKey, cancellationToken);
            db.PhotoObjectDeletions.Remove(deletion);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (StorageUnavailableException unavailable)
        {
            // The photo is gone for everyone already; the recorded deletion is retried in the background.
            logger.LogWarning(unavailable.Cause, "Deleting {Key} from storage failed; it will be retried", deletion.StorageKey);
        }

        return new DeletePhotoResult(command.PhotoId, urls.For(album.Photos));
    }
}
