using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// The discovery rules of <see cref="DiscoveryPolicy"/> as SQL. Distances are between cell centres on the sphere
/// (<c>&lt;-&gt;</c>), so ordering, filtering and cursors agree with each other.
/// </summary>
internal static class CandidateQueries
{
    /// <summary>
    /// The nearest visible candidates after a cursor, in one statement: <c>discovery_candidates</c> (see the
    /// DiscoveryByCells migration) walks the grid cells in range nearest-first from the viewer's point, passed as a
    /// parameter so the cell index can be used, and reads each cell's people in id order from ix_profiles_discovery,
    /// skipping the answered, refusing and blocked with index probes, until it has enough. With a watermark it starts
    /// there, after looking again at the people before it who changed since it was taken.
    /// </summary>
    public static Task<List<CandidateRow>> NearestAsync(
        FrienderDbContext db, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<CandidateRow>(NearestSql(viewer, after, mark, limit)).ToListAsync(cancellationToken);

    public static FormattableString NearestSql(Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        var radiusMeters = viewer.FriendRadiusMiles * DiscoveryPolicy.MetersPerMile;
        var afterMeters = after?.DistanceMeters ?? -1;
        var afterCell = after?.CellKey ?? long.MinValue;
        var afterId = after?.UserId ?? Guid.Empty;
        var markMeters = mark?.DistanceMeters ?? -1;
        var markCell = mark?.CellKey ?? long.MinValue;
        var markId = mark?.UserId ?? Guid.Empty;
        var changedSince = mark?.TakenAt;
        return $"""
            SELECT user_id, distance_meters, cell_key
            FROM discovery_candidates({viewer.UserId}, {viewer.Location.X}, {viewer.Location.Y}, {radiusMeters},
                                      {afterMeters}, {afterCell}, {afterId}, {markMeters}, {markCell}, {markId}, {changedSince}, {limit})
            """;
    }

    public static async Task<VisibilityFacts?> VisibilityAsync(FrienderDbContext db, Guid viewerId, Guid candidateId, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<VisibilityRow>($"""
            SELECT c.completed_at IS NOT NULL AS candidate_complete,
                   v.location <-> c.location AS distance_meters,
                   v.friend_radius_miles AS viewer_radius_miles,
                   c.friend_radius_miles AS candidate_radius_miles,
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id) AS viewer_swiped,
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = c.user_id AND s.target_id = v.user_id AND s.decision = 0) AS candidate_said_no,
                   EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = v.user_id AND b.blocked_id = c.user_id)
                     OR EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = c.user_id AND b.blocked_id = v.user_id) AS blocked
            FROM profiles v, profiles c
            WHERE v.user_id = {viewerId} AND c.user_id = {candidateId}
            """).ToListAsync(cancellationToken);
        var row = rows.SingleOrDefault();
        return row is null
            ? null
            : new VisibilityFacts(viewerId == candidateId, row.CandidateComplete, row.DistanceMeters, row.ViewerRadiusMiles,
                row.CandidateRadiusMiles, row.ViewerSwiped, row.CandidateSaidNo, row.Blocked);
    }
}

internal sealed record CandidateRow(Guid UserId, double DistanceMeters, long CellKey);

internal sealed record VisibilityRow(
    bool CandidateComplete, double DistanceMeters, int ViewerRadiusMiles, int CandidateRadiusMiles, bool ViewerSwiped, bool CandidateSaidNo, bool Blocked);
