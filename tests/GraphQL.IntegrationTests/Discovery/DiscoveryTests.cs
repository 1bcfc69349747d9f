using System.Buffers.Text;
using System.Text;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Discovery;

public sealed class DiscoveryTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Discover_ShouldShowPeopleInRangeNearestFirstWithWhatWeShareAndWholeMiles()
    {
        var viewer = await Client.PersonAsync("viewer", "10001", hobbies: ["Chess", "Hiking"], interests: ["Jazz"]);
        await Client.PersonAsync("uptown", "10128", hobbies: ["hiking"], interests: ["Opera"]);
        await Client.PersonAsync("village", "10003", hobbies: ["Chess", "Golf"], interests: ["JAZZ", "Film"]);
        await Client.PersonAsync("angeleno", "90012");

        var response = await Client.DiscoverAsync(viewer);

        var nodes = response.Field("discover.edges").AsArray().Select(edge => edge!["node"]!).ToList();
        Assert.Equal(["village", "uptown"], nodes.Select(node => node["displayName"]!.GetValue<string>()));
        Assert.Equal(["Chess"], nodes[0]["sharedHobbies"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal(["JAZZ"], nodes[0]["sharedInterests"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.Equal(["hiking"], nodes[1]["sharedHobbies"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        var miles = nodes.Select(node => node["distanceMiles"]!.GetValue<int>()).ToList();
        Assert.All(miles, distance => Assert.True(distance >= 1));
        Assert.True(miles[0] <= miles[1]);
        Assert.InRange(miles[1], 3, 6);
        Assert.False(response.Field("discover.pageInfo.hasNextPage").GetValue<bool>());
    }

    [Fact]
    public async Task Discover_ShouldNeverShowSelfAnsweredRefusingBlockedOrIncompletePeople()
    {
        var viewer = await Client.PersonAsync("viewer");
        var likedByMe = await Client.PersonAsync("liked_by_me", "10003");
        var passedByMe = await Client.PersonAsync("passed_by_me", "10003");
        var saidNoToMe = await Client.PersonAsync("said_no_to_me", "10003");
        await Client.PersonAsync("said_yes_to_me", "10003");
        var blockedByMe = await Client.PersonAsync("blocked_by_me", "10003");
        var blockedMe = await Client.PersonAsync("blocked_me", "10003");
        await Client.SignUpAsync("no_profile");
        await Client.SwipeAsync(viewer, likedByMe);
        await Client.SwipeAsync(viewer, passedByMe, "NO");
        await Client.SwipeAsync(saidNoToMe, viewer, "NO");
        await Client.SwipeAsync(await LogInAsync("said_yes_to_me"), viewer);
        await Block(viewer, blockedByMe);
        await Block(blockedMe, viewer);

        var names = await Client.DiscoveredNamesAsync(viewer);

        Assert.Equal(["said_yes_to_me"], names);
    }

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(100, 50, false)]
    [InlineData(50, 100, false)]
    public async Task Discover_ShouldNeedEachWithinTheOthersRadius(int viewerRadius, int candidateRadius, bool shown)
    {
        var viewer = await Client.PersonAsync("viewer", "10001", viewerRadius);
        await Client.PersonAsync("philly", "19103", candidateRadius);

        var names = await Client.DiscoveredNamesAsync(viewer);

        Assert.Equal(shown, names.Contains("philly"));
    }

    [Fact]
    public async Task Discover_AfterACursor_ShouldPageAheadAndAskingAgainAfterSwipingShouldGiveTheNextPeople()
    {
        var viewer = await Client.PersonAsync("viewer", "10001");
        foreach (var (name, zip) in new[] { ("pal_1", "10001"), ("pal_2", "10011"), ("pal_3", "10003"), ("pal_4", "10016"), ("pal_5", "10128") })
            await Client.PersonAsync(name, zip);

        var first = await Client.DiscoverAsync(viewer, first: 2);
        var ahead = await Client.DiscoverAsync(viewer, first: 2, after: first.String("discover.pageInfo.endCursor"));
        foreach (var id in first.Field("discover.nodes").AsArray().Select(node => node!["id"]!.GetValue<string>()))
            await Client.SwipeAsync(viewer, id, "NO");
        var again = await Client.DiscoverAsync(viewer, first: 2);

        var firstIds = Ids(first);
        var aheadIds = Ids(ahead);
        Assert.Equal(2, firstIds.Count);
        Assert.True(first.Field("discover.pageInfo.hasNextPage").GetValue<bool>());
        Assert.Empty(firstIds.Intersect(aheadIds));
        Assert.Equal(aheadIds, Ids(again));
    }

    [Fact]
    public async Task Discover_SomeoneJustAnswered_ShouldDropOutOfTheNextPage()
    {
        var viewer = await Client.PersonAsync("viewer", "10001");
        var near = await Client.PersonAsync("near", "10001");
        await Client.PersonAsync("far", "10128");
        Assert.Equal(["near", "far"], await Client.DiscoveredNamesAsync(viewer));

        await Client.SwipeAsync(viewer, near, "NO");

        Assert.Equal(["far"], await Client.DiscoveredNamesAsync(viewer));
    }

    [Fact]
    public async Task Discover_WhenSomeoneNearerTurnsUpAfterALook_ShouldShowThemFirst()
    {
        var viewer = await Client.PersonAsync("viewer", "10001");
        await Client.PersonAsync("far", "10128");
        Assert.Equal(["far"], await Client.DiscoveredNamesAsync(viewer));
        var mover = await Client.PersonAsync("mover", "90012");

        await Client.UpdateProfileAsync(mover, Infrastructure.Profiles.Input(zipCode: "10001", displayName: "mover"));
        await Client.PersonAsync("newcomer", "10003");

        Assert.Equal(["mover", "newcomer", "far"], await Client.DiscoveredNamesAsync(viewer));
    }

    [Fact]
    public async Task Discover_WhenSomeoneMovesAway_ShouldStopShowingThemAtOnce()
    {
        var viewer = await Client.PersonAsync("viewer", "10001");
        var mover = await Client.PersonAsync("mover", "10003");
        Assert.Equal(["mover"], await Client.DiscoveredNamesAsync(viewer));

        await Client.UpdateProfileAsync(mover, Infrastructure.Profiles.Input(zipCode: "90012", displayName: "mover"));

        Assert.Empty(await Client.DiscoveredNamesAsync(viewer));
    }

    [Fact]
    public async Task Discover_WithAnIncompleteProfile_ShouldAnswerProfileIncomplete()
    {
        var session = await Client.SignUpAsync("newcomer");

        Assert.Equal("PROFILE_INCOMPLETE", (await Client.DiscoverAsync(session)).ErrorCode);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(51, null)]
    [InlineData(10, "not-a-cursor")]
    [InlineData(10, "bWF0Y2g6MTIzOjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw")]
    public async Task Discover_WithABadPageRequest_ShouldAnswerBadUserInput(int first, string? after)
    {
        var viewer = await Client.PersonAsync("viewer");

        Assert.Equal("BAD_USER_INPUT", (await Client.DiscoverAsync(viewer, first, after)).ErrorCode);
    }

    [Fact]
    public async Task Discover_TwoPeopleInOneGridCell_ShouldLookTheSameFromWhereverTheObserverIs()
    {
        var (first, second) = await ZipCodesSharingACellAsync();
        var a = await Client.PersonAsync("cell_a", first, radius: 100);
        var b = await Client.PersonAsync("cell_b", second, radius: 100);

        foreach (var (observer, zip) in new[] { ("obs_1", "10001"), ("obs_2", "10128"), ("obs_3", "11201"), ("obs_4", "07030"), ("obs_5", "10451") })
        {
            var viewer = await Client.PersonAsync(observer, zip, radius: 100);
            var edges = (await Client.DiscoverAsync(viewer, first: 50)).Field("discover.edges").AsArray()
                .ToDictionary(edge => edge!["node"]!["id"]!.GetValue<string>(), edge => edge!);

            Assert.Equal(edges[a.UserId]!["node"]!["distanceMiles"]!.GetValue<int>(), edges[b.UserId]!["node"]!["distanceMiles"]!.GetValue<int>());
            Assert.Equal(CursorMeters(edges[a.UserId]!["cursor"]!.GetValue<string>()), CursorMeters(edges[b.UserId]!["cursor"]!.GetValue<string>()));
        }
    }

    private async Task<(string, string)> ZipCodesSharingACellAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT zip, ST_Y(location::geometry), ST_X(location::geometry) FROM zip_codes WHERE zip LIKE '100%' OR zip LIKE '112%' ORDER BY zip", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var seen = new Dictionary<(double, double), string>();
        while (await reader.ReadAsync())
        {
            var cell = Domain.Profiles.LocationGrid.Snap(reader.GetDouble(1), reader.GetDouble(2));
            var key = (cell.Y, cell.X);
            if (seen.TryGetValue(key, out var other))
                return (other, reader.GetString(0));
            seen[key] = reader.GetString(0);
        }

        throw new InvalidOperationException("No two New York ZIP codes share a grid cell.");
    }

    private static string CursorMeters(string cursor) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':')[1].Split('/')[0];

    private static List<string> Ids(GraphQLResponse response) =>
        response.Field("discover.nodes").AsArray().Select(node => node!["id"]!.GetValue<string>()).ToList();

    private async Task<Session> LogInAsync(string username) => Session.From(await Client.LogInAsync(username), "logIn");

    private Task<GraphQLResponse> Block(Session blocker, Session blocked) =>
        Client.SendAsync("mutation Block($id: ID!) { blockUser(input: { userId: $id }) { blockedUserId } }", new { id = blocked.UserId }, blocker.AccessToken);
}
