using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;
using Friender.Domain.Photos;
using Mediator;

namespace Friender.Application.Photos.ReorderPhotos;

public sealed record ReorderPhotosCommand(IReadOnlyList<Guid> PhotoIds) : ICommand<ReorderPhotosResult>;

public sealed record ReorderPhotosResult(IReadOnlyList<PhotoDto> Photos);

public sealed class ReorderPhotosValidator : AbstractValidator<ReorderPhotosCommand>
{
    public ReorderPhotosValidator() =>
        RuleFor(x => x.PhotoIds).NotNull().Must(ids => ids.Count <= PhotoAlbum.MaxPhotos)
            .WithMessage($"List each of your photos (at most {PhotoAlbum.MaxPhotos}) once, in the new order.");
}

public sealed class ReorderPhotosHandler(IAppDbContext db, ICurrentUser currentUser, PhotoUrls urls)
    : ICommandHandler<ReorderPhotosCommand, ReorderPhotosResult>
{
    public async ValueTask<ReorderPhotosResult> Handle(ReorderPhotosCommand command, CancellationToken cancellationToken)
    {
        var album = await db.LoadAsync(currentUser.Id!.Value, cancellationToken);
        album.Reorder(command.PhotoIds);
        await db.SaveAlbumAsync(cancellationToken);

        return new ReorderPhotosResult(urls.For(album.Photos));
    }
}
