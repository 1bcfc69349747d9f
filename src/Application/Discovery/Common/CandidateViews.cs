using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Friender.Domain.Common;
using Friender.Domain.Discovery;
using Friender.Domain.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Discovery.Common;

/// <summary>Builds the public view of several people at once: two queries whatever their number.</summary>
public sealed class CandidateViews(IAppDbContext db, ICandidateSource candidates, PhotoUrls photoUrls)
{
    public async Task<IReadOnlyList<CandidateDto>> BuildAsync(ViewerProfile viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
            return [];

        var viewerLocation = viewer.Viewer.Location;
        var profiles = await db.Profiles.AsNoTracking()
            .Where(profile => userIds.Contains(profile.UserId))
            .Select(profile => new
            {
                profile.UserId,
                profile.DisplayName,
                profile.Bio,
                profile.Hobbies,
                profile.Interests,
                Meters = profile.Location!.Distance(viewerLocation),
                Photos = db.Photos.Where(photo => photo.UserId == profile.UserId).ToList(),
            })
            .ToDictionaryAsync(profile => profile.UserId, cancellationToken);

        return userIds.Where(profiles.ContainsKey).Select(id =>
        {
            var profile = profiles[id];
            return new CandidateDto(
                id,
                profile.DisplayName,
                profile.Bio,
                profile.Hobbies,
                profile.Interests,
                TagList.Shared(profile.Hobbies, viewer.Hobbies),
                TagList.Shared(profile.Interests, viewer.Interests),
                photoUrls.For(profile.Photos),
                DiscoveryPolicy.ShownMiles(profile.Meters));
        }).ToList();
    }

    public async Task<ViewerProfile> ViewerAsync(Guid userId, CancellationToken cancellationToken) =>
        await candidates.GetViewerAsync(userId, cancellationToken)
        ?? throw new AppException(ErrorCodes.ProfileIncomplete, "Complete your profile first.");
}
