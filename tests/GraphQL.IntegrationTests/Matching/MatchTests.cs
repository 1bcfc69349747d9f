using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Matching;

public sealed class MatchTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Matches = "query Matches($first: Int, $after: String) { matches(first: $first, after: $after) { edges { cursor node { id createdAt user { id displayName distanceMiles hobbies photos { id } } } } pageInfo { hasNextPage endCursor } } }";
    private const string Unmatch = "mutation Unmatch($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }";
    private const string Block = "mutation Block($id: ID!) { blockUser(input: { userId: $id }) { blockedUserId } }";
    private const string Report = "mutation Report($id: ID!, $reason: String!) { reportUser(input: { userId: $id, reason: $reason }) { reportId blockedUserId } }";

    [Fact]
    public async Task Matches_ShouldListMyActiveMatchesNewestFirstPageByPage()
    {
        var me = await Client.PersonAsync("me_user");
        var friends = new List<Session>();
        for (var index = 0; index < 3; index++)
        {
            var friend = await Client.PersonAsync($"friend_{index}", "10003");
            await Client.SwipeAsync(friend, me);
            await Client.SwipeAsync(me, friend);
            Api.Clock.Advance(TimeSpan.FromSeconds(1));
            friends.Add(friend);
        }

        var firstPage = await Client.SendAsync(Matches, new { first = 2 }, me.AccessToken);
        var secondPage = await Client.SendAsync(Matches, new { first = 2, after = firstPage.String("matches.pageInfo.endCursor") }, me.AccessToken);

        Assert.Equal([friends[2].UserId, friends[1].UserId], UserIds(firstPage));
        Assert.True(firstPage.Field("matches.pageInfo.hasNextPage").GetValue<bool>());
        Assert.Equal([friends[0].UserId], UserIds(secondPage));
        Assert.False(secondPage.Field("matches.pageInfo.hasNextPage").GetValue<bool>());
    }

    [Fact]
    public async Task Unmatch_ShouldEndTheMatchForBothAndRefuseStrangers()
    {
        var (ana, ben, matchId) = await MatchedPairAsync();
        var stranger = await Client.PersonAsync("stranger");

        var byStranger = await Client.SendAsync(Unmatch, new { id = matchId }, stranger.AccessToken);
        var byBen = await Client.SendAsync(Unmatch, new { id = matchId }, ben.AccessToken);
        var again = await Client.SendAsync(Unmatch, new { id = matchId }, ana.AccessToken);

        Assert.Equal("NOT_FOUND", byStranger.ErrorCode);
        Assert.Equal(matchId, byBen.String("unmatch.matchId"));
        Assert.Equal("NOT_MATCHED", again.ErrorCode);
        Assert.Empty((await Client.SendAsync(Matches, new { first = 5 }, ana.AccessToken)).Field("matches.edges").AsArray());
        Assert.Empty((await Client.SendAsync(Matches, new { first = 5 }, ben.AccessToken)).Field("matches.edges").AsArray());
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM matches WHERE ended_at IS NOT NULL"));
    }

    [Fact]
    public async Task BlockUser_ShouldEndTheMatchAndHideBothFromEachOther()
    {
        var (ana, ben, _) = await MatchedPairAsync();
        var carl = await Client.PersonAsync("carl", "10003");
        var dina = await Client.PersonAsync("dina", "10003");

        var blocked = await Client.SendAsync(Block, new { id = ben.UserId }, ana.AccessToken);
        await Client.SendAsync(Block, new { id = dina.UserId }, carl.AccessToken);

        Assert.Equal(ben.UserId, blocked.String("blockUser.blockedUserId"));
        Assert.Empty((await Client.SendAsync(Matches, new { first = 5 }, ben.AccessToken)).Field("matches.edges").AsArray());
        Assert.DoesNotContain("carl", await Client.DiscoveredNamesAsync(dina));
        Assert.DoesNotContain("dina", await Client.DiscoveredNamesAsync(carl));
        Assert.Equal("NOT_FOUND", (await Client.SwipeAsync(dina, carl)).ErrorCode);
    }

    [Fact]
    public async Task BlockUser_YourselfOrSomeoneUnknown_ShouldBeRefusedWithACode()
    {
        var ana = await Client.PersonAsync("ana");

        Assert.Equal("BAD_USER_INPUT", (await Client.SendAsync(Block, new { id = ana.UserId }, ana.AccessToken)).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.SendAsync(Block, new { id = Guid.CreateVersion7().ToString() }, ana.AccessToken)).ErrorCode);
    }

    [Fact]
    public async Task ReportUser_ShouldStoreTheReportForModerationAndBlock()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");

        var reported = await Client.SendAsync(Report, new { id = ben.UserId, reason = "  Rude messages  " }, ana.AccessToken);

        Assert.Equal(ben.UserId, reported.String("reportUser.blockedUserId"));
        Assert.Equal("Rude messages", await Api.ScalarAsync<string>("SELECT reason FROM reports"));
        Assert.Equal(1L, await Api.ScalarAsync<long>($"SELECT count(*) FROM blocks WHERE blocker_id = '{ana.UserId}' AND blocked_id = '{ben.UserId}'"));
        Assert.DoesNotContain("ana", await Client.DiscoveredNamesAsync(ben));
    }

    [Fact]
    public async Task ReportUser_WithoutAReason_ShouldAnswerBadUserInput()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");

        var response = await Client.SendAsync(Report, new { id = ben.UserId, reason = "   " }, ana.AccessToken);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM reports"));
    }

    private const string ReportWith = """
        mutation Report($input: ReportUserInput!) {
          reportUser(input: $input) { reportId reportedUserId blocked blockedUserId confirmation }
        }
        """;

    [Fact]
    public async Task ReportUser_WithACategoryAndBlockFalse_ShouldStoreItConfirmAndNotBlock()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");

        var reported = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "SPAM_OR_SCAM", block = false } }, ana.AccessToken);

        Assert.Empty(reported.Errors);
        Assert.False(reported.Field("reportUser.blocked").GetValue<bool>());
        Assert.Null(reported.Data?["reportUser"]?["blockedUserId"]);
        Assert.True(reported.Field("reportUser").AsObject().ContainsKey("blockedUserId"));
        Assert.Equal(ben.UserId, reported.String("reportUser.reportedUserId"));
        Assert.Contains("moderators", reported.String("reportUser.confirmation"));
        Assert.Equal("SpamOrScam", await Api.ScalarAsync<string>("SELECT category FROM reports"));
        Assert.False(await Api.ScalarAsync<bool>("SELECT blocked_reported FROM reports"));
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM blocks"));
        Assert.Contains("ana", await Client.DiscoveredNamesAsync(ben));
    }

    [Fact]
    public async Task ReportUser_AboutAPhotoOrAMessage_ShouldTakeOnlyTheReportedPersonsOwnFromTheReportersConversation()
    {
        var (ana, ben, matchId) = await MatchedPairAsync();
        var eve = await Client.PersonAsync("eve");
        var bensPhoto = (await Client.UploadPhotoAsync(ben)).String("uploadPhoto.photo.id");
        var evesPhoto = (await Client.UploadPhotoAsync(eve)).String("uploadPhoto.photo.id");
        var bensMessage = (await Client.SendMessageAsync(ben, matchId, "a rude message")).String("sendMessage.message.id");
        var anasMessage = (await Client.SendMessageAsync(ana, matchId, "my own")).String("sendMessage.message.id");

        var photo = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "INAPPROPRIATE_PHOTO", photoId = bensPhoto, block = false } }, ana.AccessToken);
        var message = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "HARASSMENT", messageId = bensMessage, reason = "see this" } }, ana.AccessToken);
        var someoneElsesPhoto = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "FAKE_PROFILE", photoId = evesPhoto } }, ana.AccessToken);
        var notTheirMessage = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "HARASSMENT", messageId = anasMessage } }, ana.AccessToken);
        var notMyConversation = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "HARASSMENT", messageId = bensMessage } }, eve.AccessToken);
        var both = await Client.SendAsync(ReportWith, new { input = new { userId = ben.UserId, category = "HARASSMENT", messageId = bensMessage, photoId = bensPhoto } }, ana.AccessToken);

        Assert.Empty(photo.Errors);
        Assert.Empty(message.Errors);
        Assert.True(message.Field("reportUser.blocked").GetValue<bool>());
        Assert.Equal("NOT_FOUND", someoneElsesPhoto.ErrorCode);
        Assert.Equal("NOT_FOUND", notTheirMessage.ErrorCode);
        Assert.Equal("NOT_FOUND", notMyConversation.ErrorCode);
        Assert.Equal("BAD_USER_INPUT", both.ErrorCode);
        Assert.Equal(1L, await Api.ScalarAsync<long>($"SELECT count(*) FROM reports WHERE photo_id = '{bensPhoto}' AND category = 'InappropriatePhoto'"));
        Assert.Equal(1L, await Api.ScalarAsync<long>($"SELECT count(*) FROM reports WHERE message_id = '{bensMessage}' AND reason = 'see this'"));
        Assert.Equal(2L, await Api.ScalarAsync<long>("SELECT count(*) FROM reports"));
    }

    [Fact]
    public async Task Matches_WithoutLogin_ShouldAnswerUnauthenticated()
    {
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(Matches, new { first = 5 })).ErrorCode);
    }

    private async Task<(Session Ana, Session Ben, string MatchId)> MatchedPairAsync()
    {
        var ana = await Client.PersonAsync("ana");
        var ben = await Client.PersonAsync("ben", "10003");
        await Client.SwipeAsync(ana, ben);
        var match = await Client.SwipeAsync(ben, ana);
        return (ana, ben, match.String("swipe.match.id"));
    }

    private static List<string> UserIds(GraphQLResponse response) =>
        response.Field("matches.edges").AsArray().Select(edge => edge!["node"]!["user"]!["id"]!.GetValue<string>()).ToList();
}
