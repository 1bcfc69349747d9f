using Friender.Application.Common.Abstractions;
using Friender.Application.Profiles.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Profiles.GetMyProfile;

public sealed record GetMyProfileQuery : IQuery<ProfileDto?>;

public sealed class GetMyProfileHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyProfileQuery, ProfileDto?>
{
    public async ValueTask<ProfileDto?> Handle(GetMyProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == currentUser.Id, cancellationToken);
        return profile is null ? null : ProfileDto.From(profile);
    }
}
