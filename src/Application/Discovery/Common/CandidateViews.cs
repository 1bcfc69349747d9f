using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Friender.Domain.Discovery;
using Friender.Domain.Profiles;

namespace Friender.Application.Discovery.Common;

/// <summary>Builds the public view of several people at once: one query whatever their number.</summary>
public sealed class CandidateViews(ICandidateSource candidates, PhotoUrls photoUrls)
{
    public async Task<IReadOnlyList<CandidateDto>> BuildAsync(ViewerProfile viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken) =>
        (await candidates.DescribeAsync(viewer.Viewer, userIds, cancellationToken)).Select(hit => Show(hit, viewer)).ToList();

    /// <summary>What a viewer sees of someone: the tags they share and a whole-mile distance, never the exact one.</summary>
    public CandidateDto Show(CandidateHit hit, ViewerProfile viewer) =>
        new(
            hit.UserId,
            hit.DisplayName,
            hit.Bio,
            hit.Hobbies,
            hit.Interests,
            TagList.Shared(hit.Hobbies, viewer.Hobbies),
            TagList.Shared(hit.Interests, viewer.Interests),
            photoUrls.For(hit.Photos),
            Distance.ShownMiles(hit.DistanceMeters));

    public async Task<ViewerProfile> ViewerAsync(Guid userId, CancellationToken cancellationToken) =>
        await candidates.GetViewerAsync(userId, cancellationToken)
        ?? throw new AppException(ErrorCodes.ProfileIncomplete, "Complete your profile first.");
}
