using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;
using Mediator;

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
    PhotoObjectDeleter objects,
    PhotoUrls urls,
    TimeProvider clock)
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

        // The photo is gone for everyone already; if storage refuses now, the sweeper retries the queued deletion.
        await objects.DeleteAsync([deletion], cancellationToken);

        return new DeletePhotoResult(command.PhotoId, urls.For(album.Photos));
    }
}
