using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Discovery's statements. The rule (<see cref="DiscoveryPolicy"/>) and the distance are not here but in the functions
/// of Sql/Functions that every statement calls: discovery_visible and discovery_distance.
/// </summary>
internal static class CandidateQueries
{
    /// <summary>
    /// The nearest visible candidates after a cursor, in one statement: <c>discovery_candidates</c>
    /// (Sql/Functions/discovery_candidates.sql) walks the grid cells in reach nearest-first from the viewer's point,
    /// passed as a parameter so the cell index can be used, and reads each cell's people in id order from
    /// ix_profiles_discovery, keeping those <c>discovery_visible</c> lets through, until it has enough. With a
    /// watermark it starts there, after looking again at the people before it who changed since it was taken.
    /// </summary>
    /// <remarks>Read straight through Npgsql with the people's profiles and photos in the same statement: it is the
    /// hottest query of the API, and EF Core costs as much as the walk itself.</remarks>
    public static async Task<List<CandidateHit>> NearestAsync(
        NpgsqlDataSource database, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Nearest);
        foreach (var argument in Arguments(viewer, after, mark, limit))
            command.Parameters.Add(argument);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Named people as the viewer is shown them (matches, a new match), in the order given, with the same distance and
    /// the same columns as discovery; people without a located profile are left out.
    /// </summary>
    public static async Task<List<CandidateHit>> DescribeAsync(
        NpgsqlDataSource database, Viewer viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Shown("""
            (SELECT x.user_id, discovery_distance(x.location, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography), x.cell_key, n.position
             FROM unnest($1::uuid[]) WITH ORDINALITY AS n(user_id, position)
             JOIN profiles x ON x.user_id = n.user_id AND x.location IS NOT NULL) AS c(user_id, distance_meters, cell_key, position)
            """));
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. userIds] });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = viewer.Location.X });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = viewer.Location.Y });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// What is shown of each person of <paramref name="people"/> (user_id, distance_meters, cell_key, position). Each
    /// profile is fetched by key (the OFFSET 0 keeps the lateral subquery a probe per person): as a plain join, a town of
    /// a few thousand people was hash-joined against a scan of every profile.
    /// </summary>
    private static string Shown(string people) => $"""
        SELECT c.user_id, c.distance_meters, c.cell_key, p.display_name, p.bio, p.hobbies, p.interests,
               ph.ids, ph.keys, ph.widths, ph.heights
        FROM {people}
        CROSS JOIN LATERAL (
          SELECT x.display_name, x.bio, x.hobbies, x.interests FROM profiles x WHERE x.user_id = c.user_id OFFSET 0
        ) p
        LEFT JOIN LATERAL (
          SELECT array_agg(x.id ORDER BY x.position) AS ids, array_agg(x.storage_key ORDER BY x.position) AS keys,
                 array_agg(x.width ORDER BY x.position) AS widths, array_agg(x.height ORDER BY x.position) AS heights
          FROM photos x WHERE x.user_id = c.user_id
        ) ph ON true
        ORDER BY c.position
        """;

    private static async Task<List<CandidateHit>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
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

    /// <summary>The statement <see cref="NearestAsync"/> runs, on a connection of the caller's, for measuring and explaining it.</summary>
    public static NpgsqlCommand NearestCommand(NpgsqlConnection connection, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        var command = new NpgsqlCommand(Nearest, connection);
        foreach (var argument in Arguments(viewer, after, mark, limit))
            command.Parameters.Add(argument);
        return command;
    }

    private static readonly string Nearest = Shown("discovery_candidates($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) WITH ORDINALITY AS c(user_id, distance_meters, cell_key, position)");

    private static IEnumerable<NpgsqlParameter> Arguments(Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        yield return new NpgsqlParameter<Guid> { TypedValue = viewer.UserId };
        yield return new NpgsqlParameter<double> { TypedValue = viewer.Location.X };
        yield return new NpgsqlParameter<double> { TypedValue = viewer.Location.Y };
        yield return new NpgsqlParameter<int> { TypedValue = viewer.FriendRadiusMiles };
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

    /// <summary>
    /// Whether the viewer has answered the candidate, and whether <c>discovery_visible</c> lets the viewer see them
    /// (so a swipe can only answer someone discovery could have shown); null when the candidate has no profile.
    /// </summary>
    public static async Task<CandidateVisibility?> VisibilityAsync(NpgsqlDataSource database, Guid viewerId, Guid candidateId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id),
                   EXISTS (SELECT FROM discovery_visible(
                     v.user_id, v.friend_radius_miles, c.user_id, c.completed_at IS NOT NULL, c.friend_radius_miles,
                     discovery_distance(c.location, v.location)))
            FROM profiles v, profiles c
            WHERE v.user_id = $1 AND c.user_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = viewerId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = candidateId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        return new CandidateVisibility(reader.GetBoolean(0), reader.GetBoolean(1));
    }
}
