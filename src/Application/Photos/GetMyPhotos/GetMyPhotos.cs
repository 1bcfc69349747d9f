using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Photos.GetMyPhotos;

public sealed record GetMyPhotosQuery : IQuery<IReadOnlyList<PhotoDto>>;

public sealed class GetMyPhotosHandler(IAppDbContext db, ICurrentUser currentUser, PhotoUrls urls)
    : IQueryHandler<GetMyPhotosQuery, IReadOnlyList<PhotoDto>>
{
    public async ValueTask<IReadOnlyList<PhotoDto>> Handle(GetMyPhotosQuery query, CancellationToken cancellationToken) =>
        urls.For(await db.Photos.AsNoTracking().Where(photo => photo.UserId == currentUser.Id).ToListAsync(cancellationToken));
}
