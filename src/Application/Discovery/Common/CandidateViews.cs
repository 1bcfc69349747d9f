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
            return Show(viewer, id, profile.DisplayName, profile.Bio, profile.Hobbies, profile.Interests, photoUrls.For(profile.Photos), profile.Meters);
        }).ToList();
    }

    /// <summary>A discovery hit as its viewer is shown it.</summary>
    public CandidateDto Show(CandidateHit hit, ViewerProfile viewer) =>
        Show(viewer, hit.UserId, hit.DisplayName, hit.Bio, hit.Hobbies, hit.Interests, photoUrls.For(hit.Photos), hit.DistanceMeters);

    /// <summary>What a viewer sees of someone: the tags they share and a whole-mile distance, never the exact one.</summary>
    private static CandidateDto Show(
        ViewerProfile viewer, Guid userId, string displayName, string? bio, IReadOnlyList<string> hobbies, IReadOnlyList<string> interests,
        IReadOnlyList<PhotoDto> photos, double meters) =>
        new(
            userId,
            displayName,
            bio,
            hobbies,
            interests,
            TagList.Shared(hobbies, viewer.Hobbies),
            TagList.Shared(interests, viewer.Interests),
            photos,
            DiscoveryPolicy.ShownMiles(meters));

    public async Task<ViewerProfile> ViewerAsync(Guid userId, CancellationToken cancellationToken) =>
        await candidates.GetViewerAsync(userId, cancellationToken)
        ?? throw new AppException(ErrorCodes.ProfileIncomplete, "Complete your profile first.");
}
