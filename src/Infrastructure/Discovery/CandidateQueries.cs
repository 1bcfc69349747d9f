using Friender.Application.Common.Abstractions;
using Friender.Domain.Discovery;
using Friender.Infrastructure.Persistence.Sql;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// Discovery's statements. The rule (<see cref="VisibilityRule"/>) and the distance are not here but in the functions
/// of Sql/Functions that every statement calls: discovery_visible and discovery_distance.
/// </summary>
internal static class CandidateQueries
{
    private static readonly SqlStatement NearestStatement = SqlStatement.Load("discover_candidates.sql");
    private static readonly SqlStatement DescribeStatement = SqlStatement.Load("describe_people.sql");
    private static readonly SqlStatement ViewerStatement = SqlStatement.Load("read_viewer.sql");
    private static readonly SqlStatement StillVisibleStatement = SqlStatement.Load("still_visible.sql");

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
        await using var command = NearestStatement.CreateCommand(database, [.. Arguments(viewer, after, mark, limit)]);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>How many of <paramref name="hits"/> discovery may still show the viewer, by the primary (still_visible.sql).</summary>
    public static async Task<int> StillVisibleAsync(NpgsqlDataSource primary, Viewer viewer, IReadOnlyList<CandidateHit> hits, CancellationToken cancellationToken)
    {
        await using var command = StillVisibleStatement.CreateCommand(
            primary, SqlStatement.Value(viewer.UserId), SqlStatement.Value<Guid[]>([.. hits.Select(hit => hit.UserId)]));
        var visible = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            visible++;
        return visible;
    }

    /// <summary>
    /// Named people as the viewer is shown them (matches, a new match), in the order given, with the same distance and
    /// the same columns as discovery (describe_people.sql); people without a located profile are left out.
    /// </summary>
    public static async Task<List<CandidateHit>> DescribeAsync(
        NpgsqlDataSource database, Viewer viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var command = DescribeStatement.CreateCommand(
            database, SqlStatement.Value<Guid[]>([.. userIds]), SqlStatement.Value(viewer.Location.X), SqlStatement.Value(viewer.Location.Y));
        return await ReadAsync(command, cancellationToken);
    }

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
    public static NpgsqlCommand NearestCommand(NpgsqlConnection connection, Viewer viewer, CandidateCursor? after, Watermark? mark, int limit) =>
        NearestStatement.CreateCommand(connection, [.. Arguments(viewer, after, mark, limit)]);

    private static IEnumerable<NpgsqlParameter> Arguments(Viewer viewer, CandidateCursor? after, Watermark? mark, int limit)
    {
        yield return SqlStatement.Value<Guid>(viewer.UserId);
        yield return SqlStatement.Value<double>(viewer.Location.X);
        yield return SqlStatement.Value<double>(viewer.Location.Y);
        yield return SqlStatement.Value<int>(viewer.FriendRadiusMiles);
        yield return SqlStatement.Value<double>(after?.DistanceMeters ?? -1);
        yield return SqlStatement.Value<long>(after?.CellKey ?? long.MinValue);
        yield return SqlStatement.Value<Guid>(after?.UserId ?? Guid.Empty);
        yield return SqlStatement.Value<double>(mark?.DistanceMeters ?? -1);
        yield return SqlStatement.Value<long>(mark?.CellKey ?? long.MinValue);
        yield return SqlStatement.Value<Guid>(mark?.UserId ?? Guid.Empty);
        yield return new NpgsqlParameter { Value = mark is null ? DBNull.Value : mark.TakenAt, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz };
        yield return SqlStatement.Value<int>(limit);
    }

    /// <summary>The viewer's own point, radius and tags, read on every discovery (EF Core's FindAsync cost more than the walk).</summary>
    public static async Task<ViewerProfile?> ViewerAsync(NpgsqlDataSource database, Guid userId, CancellationToken cancellationToken)
    {
        await using var command = ViewerStatement.CreateCommand(database, SqlStatement.Value(userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        return new ViewerProfile(
            new Viewer(userId, reader.GetFieldValue<Point>(0), reader.GetInt32(1)),
            reader.GetFieldValue<string[]>(2),
            reader.GetFieldValue<string[]>(3));
    }
}
