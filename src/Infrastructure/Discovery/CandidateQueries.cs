using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using NetTopologySuite.Geometries;
using Npgsql;

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
    /// <remarks>Read straight through Npgsql with the people's profiles and photos in the same statement: it is the
    /// hottest query of the API, and EF Core costs as much as the walk itself.</remarks>
    public static async Task<List<CandidateHit>> NearestAsync(
        NpgsqlDataSource database, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT c.user_id, c.distance_meters, c.cell_key, p.display_name, p.bio, p.hobbies, p.interests,
                   ph.ids, ph.keys, ph.widths, ph.heights
            FROM {Call} WITH ORDINALITY AS c(user_id, distance_meters, cell_key, position)
            JOIN profiles p ON p.user_id = c.user_id
            LEFT JOIN LATERAL (
              SELECT array_agg(x.id ORDER BY x.position) AS ids, array_agg(x.storage_key ORDER BY x.position) AS keys,
                     array_agg(x.width ORDER BY x.position) AS widths, array_agg(x.height ORDER BY x.position) AS heights
              FROM photos x WHERE x.user_id = c.user_id
            ) ph ON true
            ORDER BY c.position
            """);
        foreach (var argument in Arguments(viewer, after, mark, limit))
            command.Parameters.Add(argument);

        var hits = new List<CandidateHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // All four are null for someone without photos (array_agg of no rows).
            var photoIds = reader.IsDBNull(7) ? [] : reader.GetFieldValue<Guid[]>(7);
            var keys = reader.IsDBNull(8) ? [] : reader.GetFieldValue<string[]>(8);
            var widths = reader.IsDBNull(9) ? [] : reader.GetFieldValue<int[]>(9);
            var heights = reader.IsDBNull(10) ? [] : reader.GetFieldValue<int[]>(10);
            hits.Add(new CandidateHit(
                reader.GetGuid(0),
                reader.GetDouble(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<string[]>(5),
                reader.GetFieldValue<string[]>(6),
                photoIds.Select((id, index) => new PhotoReference(id, keys[index], index, widths[index], heights[index])).ToList()));
        }

        return hits;
    }

    /// <summary>The walk alone, for measuring it: the same call with its arguments as positional parameters.</summary>
    public static NpgsqlCommand NearestCommand(NpgsqlConnection connection, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        var command = new NpgsqlCommand($"SELECT user_id, distance_meters, cell_key FROM {Call}", connection);
        foreach (var argument in Arguments(viewer, after, mark, limit))
            command.Parameters.Add(argument);
        return command;
    }

    private const string Call = "discovery_candidates($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

    private static IEnumerable<NpgsqlParameter> Arguments(Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        yield return new NpgsqlParameter<Guid> { TypedValue = viewer.UserId };
        yield return new NpgsqlParameter<double> { TypedValue = viewer.Location.X };
        yield return new NpgsqlParameter<double> { TypedValue = viewer.Location.Y };
        yield return new NpgsqlParameter<double> { TypedValue = viewer.FriendRadiusMiles * DiscoveryPolicy.MetersPerMile };
        yield return new NpgsqlParameter<double> { TypedValue = after?.DistanceMeters ?? -1 };
        yield return new NpgsqlParameter<long> { TypedValue = after?.CellKey ?? long.MinValue };
        yield return new NpgsqlParameter<Guid> { TypedValue = after?.UserId ?? Guid.Empty };
        yield return new NpgsqlParameter<double> { TypedValue = mark?.DistanceMeters ?? -1 };
        yield return new NpgsqlParameter<long> { TypedValue = mark?.CellKey ?? long.MinValue };
        yield return new NpgsqlParameter<Guid> { TypedValue = mark?.UserId ?? Guid.Empty };
        yield return new NpgsqlParameter { Value = mark is null ? DBNull.Value : mark.TakenAt, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz };
        yield return new NpgsqlParameter<int> { TypedValue = limit };
    }

    /// <summary>The viewer's own point, radius and tags, read on every discovery (EF Core's FindAsync cost more than the walk).</summary>
    public static async Task<ViewerProfile?> ViewerAsync(NpgsqlDataSource database, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT location, friend_radius_miles, hobbies, interests FROM profiles WHERE user_id = $1 AND location IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        return new ViewerProfile(
            new Viewer(userId, reader.GetFieldValue<Point>(0), reader.GetInt32(1)),
            reader.GetFieldValue<string[]>(2),
            reader.GetFieldValue<string[]>(3));
    }

    public static async Task<VisibilityFacts?> VisibilityAsync(NpgsqlDataSource database, Guid viewerId, Guid candidateId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT c.completed_at IS NOT NULL,
                   v.location <-> c.location,
                   v.friend_radius_miles,
                   c.friend_radius_miles,
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id),
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = c.user_id AND s.target_id = v.user_id AND s.decision = 0),
                   EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = v.user_id AND b.blocked_id = c.user_id)
                     OR EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = c.user_id AND b.blocked_id = v.user_id)
            FROM profiles v, profiles c
            WHERE v.user_id = $1 AND c.user_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = viewerId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = candidateId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        return new VisibilityFacts(
            viewerId == candidateId,
            reader.GetBoolean(0),
            reader.GetDouble(1),
            reader.GetInt32(2),
            reader.GetInt32(3),
            reader.GetBoolean(4),
            reader.GetBoolean(5),
            reader.GetBoolean(6));
    }
}
