using Friender.Application.Common.Abstractions;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Discovery;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Discovery;

public sealed class DiscoveryQueryPlanTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task DiscoveryQuery_ShouldFindCellsThroughTheLocationIndexAndPeopleThroughTheDiscoveryIndex()
    {
        var viewer = await Client.PersonAsync("viewer");
        for (var index = 0; index < 5; index++)
            await Client.PersonAsync($"near_{index}", "10003");

        var cells = await ExplainAsync($"SELECT * FROM discovery_cells({-73.99}, {40.75}, {25}, {-1.0}, {long.MinValue})");
        var people = await ExplainAsync($"SELECT * FROM discovery_people_in_cell({Guid.Parse(viewer.UserId)}, {25}, {1L}, {500.0}, {Guid.Empty}, {false}, {21})");

        Assert.True(cells.Any(line => line.Contains("Index Scan on ix_grid_cells_location", StringComparison.Ordinal) || line.Contains("Index Scan using ix_grid_cells_location", StringComparison.Ordinal)), string.Join('\n', cells));
        Assert.False(cells.Any(line => line.Contains("Seq Scan", StringComparison.Ordinal)), string.Join('\n', cells));
        Assert.True(people.Any(line => line.Contains("using ix_profiles_discovery on profiles", StringComparison.Ordinal)), string.Join('\n', people));
        Assert.False(people.Any(line => line.Contains("Seq Scan", StringComparison.Ordinal) || line.TrimStart().StartsWith("->  Sort", StringComparison.Ordinal)), string.Join('\n', people));
    }

    /// <summary>
    /// A town must not be slower than a country: with a few thousand people the planner, told the walk returns 1,000
    /// rows, joined them to every profile by a scan (10.5 ms at 10,000 people, 1.3 ms at 100,000). The statement now
    /// fetches each person's profile and photos by key whatever the estimates.
    /// </summary>
    [Fact]
    public async Task DiscoverStatement_InATownOfThousands_ShouldFetchEachPersonByKeyNotScanEveryProfile()
    {
        var viewer = await Client.PersonAsync("viewer");
        await SeedNeighboursWithPhotosAsync(viewer, 5_000);
        await Api.ScalarAsync<int?>("ANALYZE profiles");
        await Api.ScalarAsync<int?>("ANALYZE photos");

        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = CandidateQueries.NearestCommand(
            connection, new Viewer(Guid.Parse(viewer.UserId), new Point(-73.99, 40.75) { SRID = 4326 }, 25), null, null, 21);
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(0));
        }

        Assert.True(plan.Any(line => line.Contains("Index Scan using pk_profiles on profiles x", StringComparison.Ordinal)), string.Join('\n', plan));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiscoverAndMatches_ShouldCostTheSameNumberOfSqlCommandsWhateverThePageSize()
    {
        var viewer = await Client.PersonAsync("viewer");
        await SeedNeighboursWithPhotosAsync(viewer, 60);
        await MatchEveryoneAsync(viewer);

        var discoverSmall = await CountCommandsAsync(() => Client.DiscoverAsync(viewer, first: 5));
        var discoverLarge = await CountCommandsAsync(() => Client.DiscoverAsync(viewer, first: 50));
        var matchesSmall = await CountCommandsAsync(() => MatchesAsync(viewer, 5));
        var matchesLarge = await CountCommandsAsync(() => MatchesAsync(viewer, 50));

        Assert.Equal(discoverSmall.Commands, discoverLarge.Commands);
        Assert.Equal(50, discoverLarge.Response.Field("discover.edges").AsArray().Count);
        Assert.All(discoverLarge.Response.Field("discover.edges").AsArray(), edge => Assert.Single(edge!["node"]!["photos"]!.AsArray()));
        Assert.InRange(discoverLarge.Commands, 1, 8);
        Assert.Equal(matchesSmall.Commands, matchesLarge.Commands);
        Assert.Equal(50, matchesLarge.Response.Field("matches.edges").AsArray().Count);
        Assert.InRange(matchesLarge.Commands, 1, 8);
    }

    private Task<GraphQLResponse> MatchesAsync(Session viewer, int first) =>
        Client.SendAsync("query M($first: Int) { matches(first: $first) { edges { node { id user { displayName distanceMiles photos { url } } } } } }", new { first }, viewer.AccessToken);

    /// <summary>Counts the second of two identical requests, so one-off work (plans, caches) is not counted.</summary>
    private static async Task<(int Commands, GraphQLResponse Response)> CountCommandsAsync(Func<Task<GraphQLResponse>> request)
    {
        await request();
        return await SqlCommands.CountAsync(request);
    }

    /// <summary>People next to the viewer, each with one photo row, written straight to the database for speed.</summary>
    private async Task SeedNeighboursWithPhotosAsync(Session viewer, int count)
    {
        await Api.ScalarAsync<int?>($"""
            WITH people AS (
              SELECT gen_random_uuid() AS id, n FROM generate_series(1, {count}) AS n
            ), users_added AS (
              INSERT INTO users (id, username, email, normalized_email, password_hash, created_at)
              SELECT id, 'seeded_' || n, 'seeded_' || n || '@example.com', 'seeded_' || n || '@example.com', 'x', now() FROM people
            ), profiles_added AS (
              INSERT INTO profiles (user_id, display_name, bio, hobbies, interests, zip_code, location, cell_key, friend_radius_miles, zip_changes, completed_at, updated_at)
              SELECT people.id, 'Seeded ' || n, NULL, ARRAY['Chess'], ARRAY['Jazz'], v.zip_code, v.location, v.cell_key, 25, ARRAY[]::timestamptz[], now(), now()
              FROM people CROSS JOIN profiles v WHERE v.user_id = '{viewer.UserId}'
            )
            INSERT INTO photos (id, user_id, storage_key, content_type, width, height, size_bytes, position, created_at)
            SELECT gen_random_uuid(), id, 'users/' || id || '/seed.jpg', 'image/jpeg', 10, 10, 100, 0, now() FROM people
            """);
    }

    private async Task MatchEveryoneAsync(Session viewer) =>
        await Api.ScalarAsync<int?>($"""
            INSERT INTO matches (id, user_low_id, user_high_id, created_at)
            SELECT gen_random_uuid(), LEAST(u.id, '{viewer.UserId}'::uuid), GREATEST(u.id, '{viewer.UserId}'::uuid), now() - (row_number() OVER () || ' seconds')::interval
            FROM users u WHERE u.username LIKE 'seeded_%'
            """);

    private async Task<List<string>> ExplainAsync(FormattableString sql)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var tiny = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
            await tiny.ExecuteNonQueryAsync();

        var placeholders = Enumerable.Range(0, sql.ArgumentCount).Select(index => (object)$"@p{index}").ToArray();
        await using var explain = new NpgsqlCommand("EXPLAIN " + string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, placeholders), connection, transaction);
        for (var index = 0; index < sql.ArgumentCount; index++)
            explain.Parameters.AddWithValue($"p{index}", sql.GetArgument(index)!);

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return lines;
    }
}
