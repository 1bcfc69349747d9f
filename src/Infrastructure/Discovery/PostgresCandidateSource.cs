using Friender.Application.Common.Abstractions;
using Npgsql;

namespace Friender.Infrastructure.Discovery;

internal sealed class PostgresCandidateSource(NpgsqlDataSource database, CandidateWatermarks watermarks, TimeProvider clock)
    : ICandidateSource
{
    public async Task<IReadOnlyList<CandidateHit>> FindAsync(Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken)
    {
        var takenAt = clock.GetUtcNow() - CandidateWatermarks.ChangeMargin;
        var hits = await CandidateQueries.NearestAsync(database, viewer, after, await watermarks.GetAsync(viewer), limit, cancellationToken);

        // Only a walk from the very start proves that everyone before its first hit is unshowable.
        if (after is null)
        {
            if (hits.Count > 0)
                await watermarks.SetAsync(viewer, hits[0].DistanceMeters, hits[0].CellKey, hits[0].UserId, takenAt);
            else
                await watermarks.SetAsync(viewer, double.MaxValue, long.MaxValue, Guid.Empty, takenAt);
        }

        return hits;
    }

    public Task<ViewerProfile?> GetViewerAsync(Guid userId, CancellationToken cancellationToken) =>
        CandidateQueries.ViewerAsync(database, userId, cancellationToken);

    public async Task<IReadOnlyList<CandidateHit>> DescribeAsync(Viewer viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? [] : await CandidateQueries.DescribeAsync(database, viewer, userIds, cancellationToken);

    public Task<CandidateVisibility?> GetVisibilityAsync(Guid viewerId, Guid candidateId, CancellationToken cancellationToken) =>
        CandidateQueries.VisibilityAsync(database, viewerId, candidateId, cancellationToken);
}
