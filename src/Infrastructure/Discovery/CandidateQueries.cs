using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// The discovery rules of <see cref="DiscoveryPolicy"/> as SQL. Distances are between snapped points on the sphere
/// (<c>&lt;-&gt;</c>), so ordering, filtering and cursors agree with each other.
/// </summary>
internal static class CandidateQueries
{
    /// <summary>
    /// The nearest visible candidates after a cursor, in one statement. The viewer's point is a parameter and the order
    /// is the KNN distance alone, so the planner walks the GiST index nearest-first and stops after LIMIT rows instead
    /// of sorting everyone in range (a second sort key, or ST_DWithin's tiny row estimate, makes it sort: 6 ms instead
    /// of 0.2 ms at 20,000 profiles). The radius is a bounding-box index condition plus an exact distance filter.
    /// Distances have no ties (see LocationGrid.Place), so the (distance, id) cursor is exact.
    /// </summary>
    public static Task<List<CandidateRow>> NearestAsync(FrienderDbContext db, Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<CandidateRow>(NearestSql(viewer, after, limit)).ToListAsync(cancellationToken);

    public static FormattableString NearestSql(Viewer viewer, CandidateCursor? after, int limit)
    {
        var longitude = viewer.Location.X;
        var latitude = viewer.Location.Y;
        var radiusMeters = viewer.FriendRadiusMiles * DiscoveryPolicy.MetersPerMile;
        var afterMeters = after?.DistanceMeters ?? -1;
        var afterId = after?.UserId ?? Guid.Empty;
        return $"""
            SELECT p.user_id, p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography AS distance_meters
            FROM profiles p
            WHERE p.completed_at IS NOT NULL
              AND p.user_id <> {viewer.UserId}
              AND p.location && _ST_Expand(ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography, {radiusMeters})
              AND p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography <= {radiusMeters}
              AND p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography <= p.friend_radius_miles * {DiscoveryPolicy.MetersPerMile}
              AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = {viewer.UserId} AND s.target_id = p.user_id)
              AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = p.user_id AND s.target_id = {viewer.UserId} AND s.decision = 0)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = {viewer.UserId} AND b.blocked_id = p.user_id)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = {viewer.UserId})
              AND (p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography > {afterMeters}
                OR (p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography = {afterMeters} AND p.user_id > {afterId}))
            ORDER BY p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography
            LIMIT {limit}
            """;
    }

    /// <summary>Which of these candidates (in this order) the viewer may still be shown: the same rules, by key.</summary>
    public static Task<List<CandidateRow>> StillVisibleAsync(FrienderDbContext db, Viewer viewer, IReadOnlyList<Guid> candidateIds, int limit, CancellationToken cancellationToken)
    {
        var longitude = viewer.Location.X;
        var latitude = viewer.Location.Y;
        var radiusMeters = viewer.FriendRadiusMiles * DiscoveryPolicy.MetersPerMile;
        var ids = candidateIds.ToArray();
        return db.Database.SqlQuery<CandidateRow>($"""
            SELECT p.user_id, p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography AS distance_meters
            FROM unnest({ids}::uuid[]) WITH ORDINALITY AS queued(user_id, position)
            JOIN profiles p ON p.user_id = queued.user_id
            WHERE p.completed_at IS NOT NULL
              AND p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography <= {radiusMeters}
              AND p.location <-> ST_SetSRID(ST_MakePoint({longitude}, {latitude}), 4326)::geography <= p.friend_radius_miles * {DiscoveryPolicy.MetersPerMile}
              AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = {viewer.UserId} AND s.target_id = p.user_id)
              AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = p.user_id AND s.target_id = {viewer.UserId} AND s.decision = 0)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = {viewer.UserId} AND b.blocked_id = p.user_id)
              AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = {viewer.UserId})
            ORDER BY queued.position
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
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

internal sealed record CandidateRow(Guid UserId, double DistanceMeters);

internal sealed record VisibilityRow(
    bool CandidateComplete, double DistanceMeters, int ViewerRadiusMiles, int CandidateRadiusMiles, bool ViewerSwiped, bool CandidateSaidNo, bool Blocked);
