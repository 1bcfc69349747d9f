using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Matching;

public sealed class SwipeTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Swipe_TwoYeses_ShouldMakeOneMatchThatBothSeeAndHideEachOtherFromDiscovery()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");

        var first = await Client.SwipeAsync(ana, ben);
        var second = await Client.SwipeAsync(ben, ana);

        Assert.Null(first.Field("swipe").AsObject()["match"]);
        Assert.Equal(ana.UserId, second.String("swipe.match.user.id"));
        var matchId = second.String("swipe.match.id");
        Assert.Equal(matchId, (await Client.SendAsync("{ matches { nodes { id user { id } } } }", accessToken: ana.AccessToken)).String("matches.nodes.0.id"));
        Assert.Equal(ana.UserId, (await Client.SendAsync("{ matches { nodes { user { id } } } }", accessToken: ben.AccessToken)).String("matches.nodes.0.user.id"));
        Assert.Empty(await Client.DiscoveredNamesAsync(ana));
        Assert.Empty(await Client.DiscoveredNamesAsync(ben));
    }

    [Fact]
    public async Task Swipe_YesAfterTheirNo_ShouldNotMatch()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");
        await Client.SwipeAsync(ben, ana, "YES");

        var no = await Client.SwipeAsync(ana, ben, "NO");

        Assert.Null(no.Field("swipe").AsObject()["match"]);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM matches"));
    }

    [Fact]
    public async Task Swipe_BothYesAtTheSameInstant_ShouldMakeExactlyOneMatchEveryTime()
    {
        const int pairs = 12;
        var people = new List<(Session, Session)>();
        for (var pair = 0; pair < pairs; pair++)
            people.Add((await Client.PersonAsync($"left_{pair}"), await Client.PersonAsync($"right_{pair}", "10003")));

        var swipes = people.SelectMany(pair => new[] { Client.SwipeAsync(pair.Item1, pair.Item2), Client.SwipeAsync(pair.Item2, pair.Item1) });
        var responses = await Task.WhenAll(swipes);

        Assert.All(responses, response => Assert.Empty(response.Errors));
        Assert.All(responses.Chunk(2), pair => Assert.Contains(pair, response => response.Field("swipe").AsObject()["match"] is not null));
        Assert.Equal((long)pairs, await Api.ScalarAsync<long>("SELECT count(*) FROM matches"));
        Assert.Equal((long)pairs, await Api.ScalarAsync<long>("SELECT count(DISTINCT (user_low_id, user_high_id)) FROM matches"));
        foreach (var (left, right) in people)
        {
            var matchIds = new[] { Client.SwipeAsync(left, right), Client.SwipeAsync(right, left) };
            Assert.All(await Task.WhenAll(matchIds), response => Assert.Equal("ALREADY_SWIPED", response.ErrorCode));
        }
    }

    [Fact]
    public async Task Swipe_Twice_ShouldAnswerAlreadySwiped()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");
        await Client.SwipeAsync(ana, ben, "NO");

        Assert.Equal("ALREADY_SWIPED", (await Client.SwipeAsync(ana, ben, "YES")).ErrorCode);
        Assert.Equal("ALREADY_SWIPED", (await Client.SwipeAsync(ana, ben, "NO")).ErrorCode);
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM swipes"));
    }

    [Fact]
    public async Task Swipe_OnYourself_ShouldAnswerCannotSwipeSelf()
    {
        var ana = await Client.PersonAsync("ana");

        Assert.Equal("CANNOT_SWIPE_SELF", (await Client.SwipeAsync(ana, ana)).ErrorCode);
    }

    [Fact]
    public async Task Swipe_OnSomeoneUnknownOrOutOfRangeOrWithoutProfile_ShouldAnswerNotFound()
    {
        var ana = await Client.PersonAsync("ana");
        var faraway = await Client.PersonAsync("faraway", "90012");
        var noProfile = await Client.SignUpAsync("no_profile");

        Assert.Equal("NOT_FOUND", (await Client.SwipeAsync(ana, Guid.CreateVersion7().ToString())).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.SwipeAsync(ana, faraway)).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.SwipeAsync(ana, noProfile)).ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM swipes"));
    }

    [Fact]
    public async Task Swipe_WithoutACompleteProfile_ShouldAnswerProfileIncomplete()
    {
        var newcomer = await Client.SignUpAsync("newcomer");
        var ben = await Client.PersonAsync("ben");

        Assert.Equal("PROFILE_INCOMPLETE", (await Client.SwipeAsync(newcomer, ben)).ErrorCode);
    }

    [Theory]
    [InlineData("MAYBE")]
    [InlineData("yes")]
    public async Task Swipe_WithAnAnswerThatIsNotYesOrNo_ShouldBeRefusedWithACode(string decision)
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");

        var response = await Client.SwipeAsync(ana, ben, decision);

        Assert.NotNull(response.ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM swipes"));
    }
}
