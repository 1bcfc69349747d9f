using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Messaging;

public sealed class MessagingTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task SendMessage_InMyMatch_ShouldStoreItForBothToRead()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");

        var sent = await Client.SendMessageAsync(ana, matchId, "  Coffee on Saturday?\r\nI know a place.  ");

        Assert.Equal("Coffee on Saturday?\nI know a place.", sent.String("sendMessage.message.body"));
        Assert.Equal(ana.UserId, sent.String("sendMessage.message.sender.id"));
        Assert.Equal("ana", sent.String("sendMessage.message.sender.displayName"));
        Assert.Equal(matchId, sent.String("sendMessage.message.matchId"));
        Assert.Equal(["Coffee on Saturday?\nI know a place."], (await Client.ConversationAsync(ben, matchId)).Bodies());
        Assert.Equal(["Coffee on Saturday?\nI know a place."], (await Client.ConversationAsync(ana, matchId)).Bodies());
    }

    [Fact]
    public async Task SendMessageAndConversation_ForAMatchThatIsNotMine_ShouldAnswerNotFoundAndStoreNothing()
    {
        var (_, _, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");

        var sent = await Client.SendMessageAsync(eve, matchId, "hi, strangers");
        var read = await Client.ConversationAsync(eve, matchId);
        var unknown = await Client.SendMessageAsync(eve, Guid.CreateVersion7().ToString(), "hello?");

        Assert.Equal("NOT_FOUND", sent.ErrorCode);
        Assert.Equal("NOT_FOUND", read.ErrorCode);
        Assert.Equal(sent.Errors[0]!["message"]!.GetValue<string>(), unknown.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Theory]
    [InlineData("unmatch")]
    [InlineData("block")]
    public async Task SendMessageAndConversation_AfterTheMatchEnded_ShouldAnswerNotMatchedAndKeepTheRows(string ending)
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await Client.SendMessageAsync(ana, matchId, "see you");
        var ended = ending == "unmatch"
            ? await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = matchId }, ben.AccessToken)
            : await Client.SendAsync("mutation($id: ID!) { blockUser(input: { userId: $id }) { blockedUserId } }", new { id = ana.UserId }, ben.AccessToken);
        Assert.Empty(ended.Errors);

        Assert.Equal("NOT_MATCHED", (await Client.SendMessageAsync(ana, matchId, "wait")).ErrorCode);
        Assert.Equal("NOT_MATCHED", (await Client.ConversationAsync(ana, matchId)).ErrorCode);
        Assert.Equal("NOT_MATCHED", (await Client.ConversationAsync(ben, matchId)).ErrorCode);
        Assert.Equal("NOT_MATCHED", (await Client.SendAsync(Chats.MarkRead, new { matchId }, ben.AccessToken)).ErrorCode);
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("nul \u0000 inside")]
    [InlineData("bell \u0007 inside")]
    [InlineData("escape \u001b[31m red")]
    public async Task SendMessage_WithABodyThatIsNotText_ShouldAnswerBadUserInputOnBody(string body)
    {
        var (ana, _, matchId) = await Client.MatchedPairAsync("ana", "ben");

        var response = await Client.SendMessageAsync(ana, matchId, body);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.NotNull(response.Errors[0]!["extensions"]!["fields"]!["body"]);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages"));
    }

    [Fact]
    public async Task SendMessage_ShouldCountCharactersNotUtf16UnitsUpTo2000()
    {
        var (ana, _, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var emoji = string.Concat(Enumerable.Repeat("🙂", 2000));

        var longest = await Client.SendMessageAsync(ana, matchId, emoji);
        var tooLong = await Client.SendMessageAsync(ana, matchId, new string('a', 2001));

        Assert.Equal(emoji, longest.String("sendMessage.message.body"));
        Assert.Equal("BAD_USER_INPUT", tooLong.ErrorCode);
    }

    [Fact]
    public async Task Conversation_ShouldPageBackwardsOldestFirstWithinEachPage()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        for (var index = 1; index <= 5; index++)
        {
            await Client.SendMessageAsync(index % 2 == 0 ? ben : ana, matchId, $"m{index}");
            Api.Clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var newest = await Client.ConversationAsync(ana, matchId, last: 2);
        var middle = await Client.ConversationAsync(ana, matchId, last: 2, before: newest.String("conversation.pageInfo.startCursor"));
        var oldest = await Client.ConversationAsync(ana, matchId, last: 2, before: middle.String("conversation.pageInfo.startCursor"));

        Assert.Equal(["m4", "m5"], newest.Bodies());
        Assert.True(newest.Field("conversation.pageInfo.hasPreviousPage").GetValue<bool>());
        Assert.Equal(["m2", "m3"], middle.Bodies());
        Assert.Equal(["m1"], oldest.Bodies());
        Assert.False(oldest.Field("conversation.pageInfo.hasPreviousPage").GetValue<bool>());
    }

    [Fact]
    public async Task Conversation_WithMessagesSentInTheSameInstant_ShouldPageWithoutLosingOrRepeatingAny()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        for (var index = 0; index < 7; index++)
            await Client.SendMessageAsync(index % 2 == 0 ? ana : ben, matchId, $"same instant {index}");

        var seen = new List<string>();
        string? before = null;
        do
        {
            var page = await Client.ConversationAsync(ben, matchId, last: 3, before: before);
            seen.InsertRange(0, page.Bodies());
            before = page.Field("conversation.pageInfo.hasPreviousPage").GetValue<bool>() ? page.String("conversation.pageInfo.startCursor") : null;
        }
        while (before is not null);

        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(101, null)]
    [InlineData(10, "not-a-cursor")]
    public async Task Conversation_WithBadPagingArguments_ShouldAnswerBadUserInput(int last, string? before)
    {
        var (ana, _, matchId) = await Client.MatchedPairAsync("ana", "ben");

        var response = await Client.ConversationAsync(ana, matchId, last, before);

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
    }

    [Fact]
    public async Task Matches_ShouldShowTheLastMessageAndUnreadCountAndPutTheLiveliestFirst()
    {
        var (ana, ben, withBen) = await Client.MatchedPairAsync("ana", "ben");
        var cleo = await Client.PersonAsync("cleo", "10003");
        await Client.SwipeAsync(ana, cleo);
        var withCleo = (await Client.SwipeAsync(cleo, ana)).String("swipe.match.id");
        Api.Clock.Advance(TimeSpan.FromSeconds(1));

        await Client.SendMessageAsync(ben, withBen, "first from ben");
        Api.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Client.SendMessageAsync(ben, withBen, "second from ben");
        var matches = await Client.SendAsync(Chats.Matches, null, ana.AccessToken);

        var nodes = matches.Field("matches.edges").AsArray().Select(edge => edge!["node"]!).ToList();
        Assert.Equal([withBen, withCleo], nodes.Select(node => node["id"]!.GetValue<string>()));
        Assert.Equal(2, nodes[0]["unreadCount"]!.GetValue<int>());
        Assert.Equal("second from ben", nodes[0]["lastMessage"]!["body"]!.GetValue<string>());
        Assert.Equal(0, nodes[1]["unreadCount"]!.GetValue<int>());
        Assert.Null(nodes[1]["lastMessage"]);
        var bensView = await Client.SendAsync(Chats.Matches, null, ben.AccessToken);
        Assert.Equal(0, bensView.Field("matches.edges.0.node.unreadCount").GetValue<int>());
    }

    [Fact]
    public async Task MarkConversationRead_ShouldMarkOnlyTheOtherPersonsMessagesUpToNow()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        await Client.SendMessageAsync(ben, matchId, "one");
        await Client.SendMessageAsync(ben, matchId, "two");
        await Client.SendMessageAsync(ana, matchId, "mine");
        Api.Clock.Advance(TimeSpan.FromSeconds(1));

        var read = await Client.SendAsync(Chats.MarkRead, new { matchId }, ana.AccessToken);
        var again = await Client.SendAsync(Chats.MarkRead, new { matchId }, ana.AccessToken);

        Assert.Equal(2, read.Field("markConversationRead.markedCount").GetValue<int>());
        Assert.Equal(0, again.Field("markConversationRead.markedCount").GetValue<int>());
        var readAts = (await Client.ConversationAsync(ben, matchId)).Field("conversation.edges").AsArray()
            .ToDictionary(edge => edge!["node"]!["body"]!.GetValue<string>(), edge => edge!["node"]!["readAt"]);
        Assert.NotNull(readAts["one"]);
        Assert.NotNull(readAts["two"]);
        Assert.Null(readAts["mine"]);
        Assert.Equal(0, (await Client.SendAsync(Chats.Matches, null, ana.AccessToken)).Field("matches.edges.0.node.unreadCount").GetValue<int>());
    }

    [Fact]
    public async Task Match_ShouldShowTheOtherPersonToThePeopleInItOnly()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");
        await Client.SendMessageAsync(ben, matchId, "hello ana");
        const string match = "query($id: ID!) { match(id: $id) { id unreadCount user { id displayName hobbies interests distanceMiles } lastMessage { body } } }";

        var anasView = await Client.SendAsync(match, new { id = matchId }, ana.AccessToken);
        var bensView = await Client.SendAsync(match, new { id = matchId }, ben.AccessToken);

        Assert.Equal(ben.UserId, anasView.String("match.user.id"));
        Assert.Equal("ben", anasView.String("match.user.displayName"));
        Assert.Equal(1, anasView.Field("match.unreadCount").GetValue<int>());
        Assert.Equal("hello ana", anasView.String("match.lastMessage.body"));
        Assert.Equal(ana.UserId, bensView.String("match.user.id"));
        Assert.Equal(0, bensView.Field("match.unreadCount").GetValue<int>());
        Assert.Equal("NOT_FOUND", (await Client.SendAsync(match, new { id = matchId }, eve.AccessToken)).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.SendAsync(match, new { id = Guid.CreateVersion7() }, ana.AccessToken)).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.SendAsync(match, new { id = "not-an-id" }, ana.AccessToken)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(match, new { id = matchId }, null)).ErrorCode);

        await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = matchId }, ben.AccessToken);
        Assert.Equal("NOT_MATCHED", (await Client.SendAsync(match, new { id = matchId }, ana.AccessToken)).ErrorCode);
    }

    [Fact]
    public async Task UnreadTotal_ShouldCountUnreadMessagesToMeAcrossAllOpenMatchesNotOnePage()
    {
        var (ana, ben, withBen) = await Client.MatchedPairAsync("ana", "ben");
        var cleo = await Client.PersonAsync("cleo", "10003");
        await Client.SwipeAsync(ana, cleo);
        var withCleo = (await Client.SwipeAsync(cleo, ana)).String("swipe.match.id");
        await Client.SendMessageAsync(ben, withBen, "one");
        await Client.SendMessageAsync(ben, withBen, "two");
        await Client.SendMessageAsync(cleo, withCleo, "three");
        await Client.SendMessageAsync(ana, withCleo, "mine does not count");
        const string unreadTotal = "{ unreadTotal }";
        const string firstMatchOnly = "{ matches(first: 1) { edges { node { unreadCount } } } }";

        Assert.Equal(3, (await Client.SendAsync(unreadTotal, null, ana.AccessToken)).Field("unreadTotal").GetValue<int>());
        Assert.True((await Client.SendAsync(firstMatchOnly, null, ana.AccessToken)).Field("matches.edges.0.node.unreadCount").GetValue<int>() < 3);
        Assert.Equal(1, (await Client.SendAsync(unreadTotal, null, cleo.AccessToken)).Field("unreadTotal").GetValue<int>());

        Api.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.SendAsync(Chats.MarkRead, new { matchId = withBen }, ana.AccessToken);
        Assert.Equal(1, (await Client.SendAsync(unreadTotal, null, ana.AccessToken)).Field("unreadTotal").GetValue<int>());

        await Client.SendAsync("mutation($id: ID!) { unmatch(input: { matchId: $id }) { matchId } }", new { id = withCleo }, cleo.AccessToken);
        Assert.Equal(0, (await Client.SendAsync(unreadTotal, null, ana.AccessToken)).Field("unreadTotal").GetValue<int>());
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(unreadTotal, null, null)).ErrorCode);
    }

    [Fact]
    public async Task SetTyping_ForAMatchThatIsNotMine_ShouldAnswerNotFound()
    {
        var (_, _, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var eve = await Client.PersonAsync("eve");

        Assert.Equal("NOT_FOUND", (await Client.SendAsync(Chats.SetTyping, new { matchId }, eve.AccessToken)).ErrorCode);
    }

    [Fact]
    public async Task MessagingOperations_WithoutLogin_ShouldAnswerUnauthenticated()
    {
        var matchId = Guid.CreateVersion7().ToString();

        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(Chats.SendMessage, new { matchId, body = "hi" })).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(Chats.Conversation, new { matchId })).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(Chats.MarkRead, new { matchId })).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(Chats.SetTyping, new { matchId })).ErrorCode);
    }
}
