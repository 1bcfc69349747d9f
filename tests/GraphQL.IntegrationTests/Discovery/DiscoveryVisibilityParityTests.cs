using Friender.Domain.Discovery;
using Friender.Domain.Matching;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Npgsql;

namespace Friender.GraphQL.IntegrationTests.Discovery;

/// <summary>
/// "Who may be shown to whom" is stated twice: by the Domain (<see cref="VisibilityRule.LetsViewerSee"/>) and by the
/// database (discovery_visible.sql), which discover and swipe both ask. For every fact the rule reads, on and off, at
/// the edge of either radius, and made true before the viewer's first page or after it (when discovery starts from the
/// viewer's watermark), three answers must agree: the C# rule over the stored facts, "discover shows them" and "swipe
/// accepts an answer about them".
/// </summary>
public sealed class DiscoveryVisibilityParityTests(FrienderApiFactory api) : ApiTest(api)
{
    public enum When
    {
        BeforeFirstPage,
        AfterFirstPage,
    }

    /// <summary>Metres either side of a radius's edge: far below a mile's worth of any plausible error in the constant.</summary>
    private const double EdgeMargin = 0.05;

    private const long SyntheticCellKey = -4_242_000;

    /// <summary>Each case: what holds before the viewer looks, and the change under test (see <see cref="ApplyAsync"/>).</summary>
    private static readonly Dictionary<string, (string Initial, string Change)> Scenarios = new()
    {
        ["nothing changes"] = ("", ""),
        ["candidate's profile becomes incomplete"] = ("", "incomplete"),
        ["candidate's profile becomes complete"] = ("incomplete", "complete"),
        ["viewer answered NO"] = ("", "viewer-no"),
        ["viewer answered YES"] = ("", "viewer-yes"),
        ["candidate answered NO"] = ("", "candidate-no"),
        ["candidate answered YES"] = ("", "candidate-yes"),
        ["viewer blocked candidate"] = ("", "viewer-blocks"),
        ["candidate blocked viewer"] = ("", "candidate-blocks"),
        ["candidate is hidden by moderation"] = ("", "hidden"),
        ["candidate's hide is lifted"] = ("hidden", "unhidden"),
        ["just inside the viewer's radius"] = ("viewer-radius-1", "edge-inside"),
        ["just outside the viewer's radius"] = ("viewer-radius-1", "edge-outside"),
        ["just inside the candidate's radius"] = ("candidate-radius-1", "edge-inside"),
        ["just outside the candidate's radius"] = ("candidate-radius-1", "edge-outside"),
        ["candidate moves into range"] = ("viewer-radius-1 edge-outside", "edge-inside"),
        ["candidate moves out of range"] = ("viewer-radius-1 edge-inside", "edge-outside"),
        ["candidate widens their radius"] = ("candidate-radius-1 edge-outside", "candidate-radius-2"),
    };

    public static TheoryData<string, When> Cases
    {
        get
        {
            var cases = new TheoryData<string, When>();
            foreach (var scenario in Scenarios.Keys)
            {
                foreach (var when in Enum.GetValues<When>())
                    cases.Add(scenario, when);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DomainRule_Discover_AndSwipe_ShouldAgree(string scenario, When when)
    {
        var viewer = await Client.PersonAsync("viewer");
        var candidate = await Client.PersonAsync("candidate");
        var pair = new Pair(Guid.Parse(viewer.UserId), Guid.Parse(candidate.UserId));
        var (initial, change) = Scenarios[scenario];
        try
        {
            await ApplyAsync(pair, initial);
            if (when == When.AfterFirstPage)
                await Client.DiscoveredNamesAsync(viewer);
            await ApplyAsync(pair, change);

            var facts = await FactsAsync(pair);
            var domainSays = VisibilityRule.LetsViewerSee(facts);
            var discoverShows = (await Client.DiscoveredNamesAsync(viewer)).Contains("candidate");
            var swipe = await Client.SwipeAsync(viewer, candidate, "NO");

            Assert.Equal(domainSays, discoverShows);
            // swipe checks and records in one statement (swipe_if_showable.sql); an earlier answer is told apart from "not showable".
            var expected = domainSays ? null : facts.ViewerSwipedCandidate ? "ALREADY_SWIPED" : "NOT_FOUND";
            Assert.True(expected == swipe.ErrorCode, $"CanSee says {domainSays}, so swipe should answer {expected ?? "without error"}; it answered {swipe}");
        }
        finally
        {
            await ExecuteAsync("DELETE FROM grid_cells WHERE cell_key = $1", SyntheticCellKey);
        }
    }

    [Fact]
    public async Task Self_ShouldNeverBeShownNorAnswerable()
    {
        var viewer = await Client.PersonAsync("viewer");
        var id = Guid.Parse(viewer.UserId);
        var facts = await FactsAsync(new Pair(id, id));

        Assert.False(VisibilityRule.LetsViewerSee(facts));
        Assert.DoesNotContain("viewer", await Client.DiscoveredNamesAsync(viewer));
        Assert.Equal("CANNOT_SWIPE_SELF", (await Client.SwipeAsync(viewer, viewer, "NO")).ErrorCode);
    }

    private sealed record Pair(Guid Viewer, Guid Candidate);

    /// <summary>Applies each space-separated step: stored as the API would store it, dated by the API's clock.</summary>
    private async Task ApplyAsync(Pair pair, string steps)
    {
        var now = Api.Clock.GetUtcNow();
        foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (step)
            {
                case "incomplete":
                    await ExecuteAsync("UPDATE profiles SET completed_at = NULL, updated_at = $2 WHERE user_id = $1", pair.Candidate, now);
                    break;
                case "complete":
                    await ExecuteAsync("UPDATE profiles SET completed_at = $2, updated_at = $2 WHERE user_id = $1", pair.Candidate, now);
                    break;
                case "viewer-no" or "viewer-yes" or "candidate-no" or "candidate-yes":
                    var (swiper, target) = step.StartsWith("viewer", StringComparison.Ordinal) ? (pair.Viewer, pair.Candidate) : (pair.Candidate, pair.Viewer);
                    var decision = step.EndsWith("yes", StringComparison.Ordinal) ? SwipeDecision.Yes : SwipeDecision.No;
                    await ExecuteAsync("INSERT INTO swipes (swiper_id, target_id, decision, created_at) VALUES ($1, $2, $3, $4)", swiper, target, (short)decision, now);
                    break;
                case "viewer-blocks" or "candidate-blocks":
                    var (blocker, blocked) = step == "viewer-blocks" ? (pair.Viewer, pair.Candidate) : (pair.Candidate, pair.Viewer);
                    await ExecuteAsync("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)", blocker, blocked, now);
                    break;
                case "hidden":
                    // As Profile.Hide stores it: updated_at stays, since hiding only ever removes someone.
                    await ExecuteAsync("UPDATE profiles SET hidden_at = $2 WHERE user_id = $1", pair.Candidate, now);
                    break;
                case "unhidden":
                    await ExecuteAsync("UPDATE profiles SET hidden_at = NULL, updated_at = $2 WHERE user_id = $1", pair.Candidate, now);
                    break;
                case "viewer-radius-1":
                    await ExecuteAsync("UPDATE profiles SET friend_radius_miles = CASE WHEN user_id = $1 THEN 1 ELSE 100 END, updated_at = $3 WHERE user_id IN ($1, $2)", pair.Viewer, pair.Candidate, now);
                    break;
                case "candidate-radius-1" or "candidate-radius-2":
                    var miles = step[^1] - '0';
                    await ExecuteAsync("UPDATE profiles SET friend_radius_miles = CASE WHEN user_id = $1 THEN $3 ELSE 100 END, updated_at = $4 WHERE user_id IN ($1, $2)", pair.Candidate, pair.Viewer, miles, now);
                    break;
                case "edge-inside" or "edge-outside":
                    await PlaceAtEdgeAsync(pair, step == "edge-inside" ? -EdgeMargin : EdgeMargin, now);
                    break;
                default:
                    throw new ArgumentException($"Unknown step {step}.", nameof(steps));
            }
        }
    }

    /// <summary>
    /// Moves the candidate, in a grid cell of their own, due north of the viewer to one mile plus <paramref name="offset"/>
    /// metres by discovery_distance, the one distance there is (one correction makes it exact along a meridian).
    /// </summary>
    private async Task PlaceAtEdgeAsync(Pair pair, double offset, DateTimeOffset now)
    {
        var target = Distance.MetersPerMile + offset;
        var degrees = target / 111_195.0;
        for (var pass = 0; pass < 3; pass++)
        {
            var measured = await ScalarAsync<double>("""
                SELECT discovery_distance(ST_SetSRID(ST_MakePoint(ST_X(v.location::geometry), ST_Y(v.location::geometry) + $2), 4326)::geography, v.location)
                FROM profiles v WHERE v.user_id = $1
                """, pair.Viewer, degrees);
            degrees *= target / measured;
        }

        await ExecuteAsync("DELETE FROM grid_cells WHERE cell_key = $1", SyntheticCellKey);
        await ExecuteAsync("""
            INSERT INTO grid_cells (cell_key, location)
            SELECT $2, ST_SetSRID(ST_MakePoint(ST_X(v.location::geometry), ST_Y(v.location::geometry) + $3), 4326)::geography
            FROM profiles v WHERE v.user_id = $1
            """, pair.Viewer, SyntheticCellKey, degrees);
        await ExecuteAsync("""
            UPDATE profiles SET cell_key = $2, location = (SELECT g.location FROM grid_cells g WHERE g.cell_key = $2), updated_at = $3
            WHERE user_id = $1
            """, pair.Candidate, SyntheticCellKey, now);
    }

    /// <summary>The stored facts <see cref="VisibilityRule.LetsViewerSee"/> reads, with the distance from discovery_distance.</summary>
    private async Task<VisibilityFacts> FactsAsync(Pair pair)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.completed_at IS NOT NULL, discovery_distance(c.location, v.location), v.friend_radius_miles, c.friend_radius_miles,
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id),
                   EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = c.user_id AND s.target_id = v.user_id AND s.decision = $3),
                   EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id, b.blocked_id) IN ((v.user_id, c.user_id), (c.user_id, v.user_id))),
                   c.hidden_at IS NOT NULL
            FROM profiles v, profiles c WHERE v.user_id = $1 AND c.user_id = $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = pair.Viewer });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = pair.Candidate });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)SwipeDecision.No });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new VisibilityFacts(
            pair.Viewer == pair.Candidate, reader.GetBoolean(0), reader.GetDouble(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetBoolean(4), reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7));
    }

    private async Task ExecuteAsync(string sql, params object[] arguments) => await ScalarAsync<object>(sql, arguments);

    private async Task<T> ScalarAsync<T>(string sql, params object[] arguments)
    {
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var argument in arguments)
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        return (T)(await command.ExecuteScalarAsync() ?? default(T)!);
    }
}
