using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using Friender.Infrastructure.Persistence;

namespace Friender.Infrastructure.Discovery;

internal sealed class PostgresCandidateSource(FrienderDbContext db, CandidateWatermarks watermarks, TimeProvider clock) : ICandidateSource
{
    public async Task<IReadOnlyList<CandidateHit>> FindAsync(Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken)
    {
        var takenAt = clock.GetUtcNow() - CandidateWatermarks.ChangeMargin;
        var rows = await CandidateQueries.NearestAsync(db, viewer, after, watermarks.Get(viewer), limit, cancellationToken);

        // Only a walk from the very start proves that everyone before its first hit is unshowable.
        if (after is null)
        {
            if (rows.Count > 0)
                watermarks.Set(viewer, rows[0].DistanceMeters, rows[0].CellKey, rows[0].UserId, takenAt);
            else
                watermarks.Set(viewer, double.MaxValue, long.MaxValue, Guid.Empty, takenAt);
        }

        return rows.Select(row => new CandidateHit(row.UserId, row.DistanceMeters, row.CellKey)).ToList();
    }

    public Task<VisibilityFacts?> GetVisibilityAsync(Guid viewerId, Guid candidateId, CancellationToken cancellationToken) =>
        CandidateQueries.VisibilityAsync(db, viewerId, candidateId, cancellationToken);
}
