using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Persistence;
using Npgsql;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Discovery's reads. The walk, the expensive part, runs where <see cref="StandbyDataSource"/> says: on a standby its
/// page is checked again on the primary (one indexed statement), and when the standby's lag hid a change (someone
/// was just answered or blocked) the walk runs again on the primary, so a page is never short and never stale.
/// </summary>
internal sealed class PostgresCandidateSource(NpgsqlDataSource database, StandbyDataSource standby, CandidateWatermarks watermarks, TimeProvider clock)
    : ICandidateSource
{
    public async Task<IReadOnlyList<CandidateHit>> FindAsync(Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken)
    {
        var takenAt = clock.GetUtcNow() - CandidateWatermarks.ChangeMargin;
        var mark = await watermarks.GetAsync(viewer);
        var hits = await CandidateQueries.NearestAsync(standby.Database, viewer, after, mark, limit, cancellationToken);
        if (standby.IsStandby && hits.Count > 0
            && await CandidateQueries.StillVisibleAsync(database, viewer, hits, cancellationToken) < hits.Count)
            hits = await CandidateQueries.NearestAsync(database, viewer, after, mark, limit, cancellationToken);

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
}
