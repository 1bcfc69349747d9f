using System.Text.Json.Nodes;
using Friender.GraphQL.Hosting;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.Infrastructure.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Moderation;

public sealed class ModerationTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Me = "{ me { id isModerator warnings { id reason } } }";
    private const string MatchState = "query($id: ID!) { match(id: $id) { state } }";
    private const string AuditTrail = "{ moderationAuditTrail { kind reason subjectId reportIds granted } }";

    /// <summary>Every moderation operation, as a client would send it.</summary>
    public static TheoryData<string> Operations => new()
    {
        "{ moderationQueue { userId } }",
        "{ moderationCase(userId: \"0198a000-0000-7000-8000-000000000001\") { userId } }",
        "{ moderationAppeals { id } }",
        "{ moderationAuditTrail { id } }",
        "mutation { moderate(input: { userId: \"0198a000-0000-7000-8000-000000000001\", action: BAN, reason: \"x\" }) { id } }",
        "mutation { answerAppeal(input: { appealId: \"0198a000-0000-7000-8000-000000000001\", grant: true, reason: \"x\" }) { id } }",
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task ModerationOperations_ShouldBeForbiddenToEveryoneButModerators(string operation)
    {
        var ana = await Client.PersonAsync("ana");
        var mia = await Api.ModeratorAsync(Client, "mia");

        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(operation)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await Client.SendAsync(operation, accessToken: ana.AccessToken)).ErrorCode);
        var asModerator = await Client.SendAsync(operation, accessToken: mia.AccessToken);
        Assert.NotEqual("FORBIDDEN", asModerator.ErrorCode);

        // The role is read on every request: the same token is refused once the role is revoked.
        Assert.Equal(0, await ModeratorCommands.TryRunAsync([ModeratorCommands.Revoke, "mia"], Api.Services, Api.Clock));
        Assert.Equal("FORBIDDEN", (await Client.SendAsync(operation, accessToken: mia.AccessToken)).ErrorCode);
    }

    [Fact]
    public async Task GrantModerator_ShouldShowInMeAndRefuseUnknownAccounts()
    {
        var mia = await Client.PersonAsync("mia");
        Assert.False((await Client.SendAsync(Me, accessToken: mia.AccessToken)).Field("me.isModerator").GetValue<bool>());

        Assert.Equal(0, await ModeratorCommands.TryRunAsync([ModeratorCommands.Grant, "MIA"], Api.Services, Api.Clock));

        Assert.True((await Client.SendAsync(Me, accessToken: mia.AccessToken)).Field("me.isModerator").GetValue<bool>());
        Assert.Equal(1, await ModeratorCommands.TryRunAsync([ModeratorCommands.Grant, "nobody"], Api.Services, Api.Clock));
        Assert.Equal(2, await ModeratorCommands.TryRunAsync([ModeratorCommands.Grant], Api.Services, Api.Clock));
    }

    [Fact]
    public async Task AModerator_ShouldNeitherSeeNorDecideReportsAboutThemselves()
    {
        var ana = await Client.PersonAsync("ana");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var max = await Api.ModeratorAsync(Client, "max");
        Assert.Empty((await Client.ReportAsync(ana, mia, block: false)).Errors);

        Assert.Empty((await Client.SendAsync(Moderators.Queue, accessToken: mia.AccessToken)).Field("moderationQueue").AsArray());
        Assert.Equal("FORBIDDEN", (await Client.SendAsync(Moderators.Case, new { id = mia.UserId }, mia.AccessToken)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await Client.ModerateAsync(mia, new { userId = mia.UserId, action = "DISMISS", reason = "not me" })).ErrorCode);
        // Another moderator sees it.
        Assert.Single((await Client.SendAsync(Moderators.Queue, accessToken: max.AccessToken)).Field("moderationQueue").AsArray());
    }

    [Fact]
    public async Task ReportsFromFreshAccounts_ShouldHideNobody_ButThreeFromPeopleWhoMetThemShould_UntilAModeratorDecides()
    {
        var tess = await Client.PersonAsync("tess");
        var vic = await Client.PersonAsync("vic");
        var mia = await Api.ModeratorAsync(Client, "mia");
        for (var i = 0; i < 5; i++)
            Assert.Empty((await Client.ReportAsync(await Client.PersonAsync($"fresh{i}", zipCode: "94103"), tess, "SPAM_OR_SCAM", block: false)).Errors);

        Assert.Contains("tess", await Client.DiscoveredNamesAsync(vic));
        var entry = (await Client.SendAsync(Moderators.Queue, accessToken: mia.AccessToken)).Field("moderationQueue").AsArray().Single()!;
        Assert.Equal(5, entry["openReports"]!.GetValue<int>());
        Assert.Equal(0, entry["countingReporters"]!.GetValue<int>());

        for (var i = 0; i < 3; i++)
        {
            var met = await Client.PersonAsync($"met{i}");
            await Client.SwipeAsync(met, tess, i == 0 ? "YES" : "NO");
            Assert.Empty((await Client.ReportAsync(met, tess, "HARASSMENT")).Errors);
            if (i < 2)
                Assert.Contains("tess", await Client.DiscoveredNamesAsync(vic));
        }

        Assert.DoesNotContain("tess", await Client.DiscoveredNamesAsync(vic));
        Assert.NotEmpty((await Client.SwipeAsync(vic, tess)).Errors);
        entry = (await Client.SendAsync(Moderators.Queue, accessToken: mia.AccessToken)).Field("moderationQueue").AsArray().Single()!;
        Assert.True(entry["hidden"]!.GetValue<bool>());
        Assert.Equal(3, entry["countingReporters"]!.GetValue<int>());

        Assert.Empty((await Client.ModerateAsync(mia, new { userId = tess.UserId, action = "DISMISS", reason = "Reports did not hold up" })).Errors);

        // Back in the deck, though vic's discovery watermark passed her while she was hidden.
        Assert.Contains("tess", await Client.DiscoveredNamesAsync(vic));
        Assert.Empty((await Client.SendAsync(Moderators.Queue, accessToken: mia.AccessToken)).Field("moderationQueue").AsArray());
    }

    [Fact]
    public async Task ThreeReportsArrivingAtOnce_ShouldStillHideThePerson()
    {
        var tess = await Client.PersonAsync("tess");
        var vic = await Client.PersonAsync("vic");
        var reporters = new List<Session>();
        for (var i = 0; i < 3; i++)
        {
            var met = await Client.PersonAsync($"met{i}");
            await Client.SwipeAsync(met, tess, "NO");
            reporters.Add(met);
        }

        var reports = await Task.WhenAll(reporters.Select(reporter => Client.ReportAsync(reporter, tess, "HARASSMENT", block: false)));

        Assert.All(reports, report => Assert.Empty(report.Errors));
        Assert.DoesNotContain("tess", await Client.DiscoveredNamesAsync(vic));
    }

    [Fact]
    public async Task APhotoReportedByThreePeopleWhoMetItsOwner_ShouldBeHiddenFromOthersUntilReviewed()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var photoId = (await Client.UploadPhotoAsync(ben)).String("uploadPhoto.photo.id");
        var reporters = new List<Session> { ana };
        for (var i = 0; i < 2; i++)
        {
            var met = await Client.PersonAsync($"met{i}", zipCode: "10003");
            await Client.SwipeAsync(met, ben, "NO");
            reporters.Add(met);
        }

        foreach (var reporter in reporters.Take(2))
            Assert.Empty((await Client.ReportAsync(reporter, ben, "INAPPROPRIATE_PHOTO", photoId: photoId, block: false)).Errors);
        Assert.Single((await Client.SendAsync("query($id: ID!) { match(id: $id) { user { photos { id } } } }", new { id = matchId }, ana.AccessToken)).Field("match.user.photos").AsArray());

        Assert.Empty((await Client.ReportAsync(reporters[2], ben, "INAPPROPRIATE_PHOTO", photoId: photoId, block: false)).Errors);

        Assert.Empty((await Client.SendAsync("query($id: ID!) { match(id: $id) { user { photos { id } } } }", new { id = matchId }, ana.AccessToken)).Field("match.user.photos").AsArray());
        Assert.Single((await Client.SendAsync("{ me { photos { id } } }", accessToken: ben.AccessToken)).Field("me.photos").AsArray());
        var review = await Client.SendAsync(Moderators.Case, new { id = ben.UserId }, mia.AccessToken);
        Assert.True(review.Field("moderationCase.photos").AsArray().Single()!["hidden"]!.GetValue<bool>());
        Assert.All(review.Field("moderationCase.reports").AsArray(), report => Assert.Equal(photoId, report!["photo"]!["id"]!.GetValue<string>()));

        var removed = await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "REMOVE_PHOTO", photoId, reason = "Not a photo for Friender" });

        Assert.Empty(removed.Errors);
        Assert.Equal(3, removed.Field("moderate.reportIds").AsArray().Count);
        Assert.Empty((await Client.SendAsync("{ me { photos { id } } }", accessToken: ben.AccessToken)).Field("me.photos").AsArray());
        Assert.Equal(0L, await Api.ScalarAsync<long>($"SELECT count(*) FROM photos WHERE id = '{photoId}'"));
    }

    [Fact]
    public async Task ABan_ShouldTakeEffectAtOnceEverywhere_AndFreezeTheOtherSidesMatch()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var vic = await Client.PersonAsync("vic");
        var mia = await Api.ModeratorAsync(Client, "mia");
        Assert.Empty((await Client.SendMessageAsync(ben, matchId, "you will regret this")).Errors);
        Assert.Empty((await Client.ReportAsync(ana, ben, "HARASSMENT", block: false)).Errors);
        Assert.Contains("ben", await Client.DiscoveredNamesAsync(vic));
        await using var socket = await Api.SubscribeAsync(ben, "subscription { messageReceived { id } }");

        var ban = await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "BAN", reason = "Threats in chat" });

        Assert.Empty(ban.Errors);
        var closed = await socket.ReceiveAsync();
        Assert.Equal(4403, closed.CloseCode);
        Assert.StartsWith("ACCOUNT_SUSPENDED", closed.CloseReason);
        var me = await Client.SendAsync("{ me { id } }", accessToken: ben.AccessToken);
        Assert.Equal("ACCOUNT_SUSPENDED", me.ErrorCode);
        Assert.Null(me.Errors[0]!["extensions"]!["until"]);
        Assert.Equal("Threats in chat", me.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Equal("ACCOUNT_SUSPENDED", (await Client.SendAsync("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken } }", new { t = ben.RefreshToken })).ErrorCode);
        Assert.Equal("ACCOUNT_SUSPENDED", (await Client.LogInAsync("ben")).ErrorCode);
        Assert.Equal("INVALID_CREDENTIALS", (await Client.LogInAsync("ben", "not the password")).ErrorCode);
        Assert.Equal("ACCOUNT_SUSPENDED", (await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new { input = new { username = "ben2", email = " BEN@example.com", password = Infrastructure.Accounts.Password } })).ErrorCode);
        await using (var again = await GraphQLWebSocketClient.ConnectAsync(Api.BaseAddress))
        {
            await again.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {ben.AccessToken}" } });
            Assert.Equal(4403, (await again.ReceiveAsync()).CloseCode);
        }

        // The other side keeps the conversation, read-only.
        Assert.Equal("FROZEN", (await Client.SendAsync(MatchState, new { id = matchId }, ana.AccessToken)).String("match.state"));
        Assert.Equal("MATCH_FROZEN", (await Client.SendMessageAsync(ana, matchId, "hello?")).ErrorCode);
        Assert.Equal(["you will regret this"], (await Client.ConversationAsync(ana, matchId)).Bodies());
        Assert.DoesNotContain("ben", await Client.DiscoveredNamesAsync(vic));

        var trail = (await Client.SendAsync(AuditTrail, accessToken: mia.AccessToken)).Field("moderationAuditTrail").AsArray().Single()!;
        Assert.Equal("BAN", trail["kind"]!.GetValue<string>());
        Assert.Equal(ben.UserId, trail["subjectId"]!.GetValue<string>());
        Assert.Single(trail["reportIds"]!.AsArray());
        var metrics = await Client.Http.GetStringAsync("/metrics");
        Assert.Contains("friender_moderation_actions_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("kind=\"Ban\"", metrics, StringComparison.Ordinal);
        Assert.Contains("category=\"Harassment\"", metrics, StringComparison.Ordinal);

        // An operator deleting the banned account leaves the ban list and the audit trail.
        await Api.ScalarAsync<int>($"WITH gone AS (DELETE FROM users WHERE id = '{ben.UserId}' RETURNING 1) SELECT count(*)::int FROM gone");
        Assert.Equal("ACCOUNT_SUSPENDED", (await Client.SendAsync(Infrastructure.Accounts.SignUpMutation, new { input = new { username = "ben", email = "ben@example.com", password = Infrastructure.Accounts.Password } })).ErrorCode);
        Assert.Single((await Client.SendAsync(AuditTrail, accessToken: mia.AccessToken)).Field("moderationAuditTrail").AsArray());
    }

    [Fact]
    public async Task LiftingASuspension_ShouldRestoreEverything_AndSoShouldItsEnd()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var vic = await Client.PersonAsync("vic");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var until = DateTimeOffset.FromUnixTimeSeconds(Api.Clock.GetUtcNow().ToUnixTimeSeconds() + 3600);

        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", until, reason = "Cool off" })).Errors);

        var refused = await Client.LogInAsync("ben");
        Assert.Equal("ACCOUNT_SUSPENDED", refused.ErrorCode);
        Assert.Equal(until, DateTimeOffset.Parse(refused.Errors[0]!["extensions"]!["until"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("ben", await Client.DiscoveredNamesAsync(vic));

        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "LIFT", reason = "Appeal by phone" })).Errors);

        Assert.Empty((await Client.LogInAsync("ben")).Errors);
        Assert.Empty((await Client.SendAsync("{ me { id } }", accessToken: ben.AccessToken)).Errors);
        Assert.Equal("ACTIVE", (await Client.SendAsync(MatchState, new { id = matchId }, ana.AccessToken)).String("match.state"));
        Assert.Empty((await Client.SendMessageAsync(ana, matchId, "welcome back")).Errors);
        Assert.Contains("ben", await Client.DiscoveredNamesAsync(vic));

        // A suspension that runs out: log-in works from its end, and the sweep restores the rest.
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", until = Api.Clock.GetUtcNow().AddMinutes(30), reason = "Again" })).Errors);
        Assert.Equal("ACCOUNT_SUSPENDED", (await Client.LogInAsync("ben")).ErrorCode);
        Api.Clock.Advance(TimeSpan.FromMinutes(31));
        var session = await Client.LogInAsync("ben");
        Assert.Empty(session.Errors);
        // The sweep runs on the app's clock, so moving it may have run it already; either way nothing is left after this.
        await Api.Services.GetRequiredService<ModerationSweeper>().RestoreExpiredAsync(CancellationToken.None);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM account_suspensions"));
        Assert.Empty((await Client.SendAsync("{ me { id } }", accessToken: session.String("logIn.accessToken"))).Errors);
        var fresh = await Client.LogInAsync("ana");
        Assert.Equal("ACTIVE", (await Client.SendAsync(MatchState, new { id = matchId }, fresh.String("logIn.accessToken"))).String("match.state"));
    }

    [Fact]
    public async Task AWarning_ShouldShowUntilAcknowledged_AndTakeOneAppeal()
    {
        var ben = await Client.PersonAsync("ben");
        var ana = await Client.PersonAsync("ana");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var warned = await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = "Keep it friendly" });
        var warningId = warned.String("moderate.id");

        var me = await Client.SendAsync(Me, accessToken: ben.AccessToken);
        Assert.Equal("Keep it friendly", me.Field("me.warnings").AsArray().Single()!["reason"]!.GetValue<string>());

        const string Appeal = "mutation($id: ID!, $text: String!) { appealDecision(input: { actionId: $id, text: $text }) { appealId confirmation } }";
        Assert.Equal("NOT_FOUND", (await Client.SendAsync(Appeal, new { id = warningId, text = "not mine to appeal" }, ana.AccessToken)).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.SendAsync(Appeal, new { id = warningId, text = "   " }, ben.AccessToken)).ErrorCode);
        Assert.Empty((await Client.SendAsync(Appeal, new { id = warningId, text = "It was a joke between friends" }, ben.AccessToken)).Errors);
        Assert.Equal("ALREADY_APPEALED", (await Client.SendAsync(Appeal, new { id = warningId, text = "again" }, ben.AccessToken)).ErrorCode);

        Api.Clock.Advance(TimeSpan.FromSeconds(1));
        var appeal = (await Client.SendAsync("{ moderationAppeals { id text action { kind } } }", accessToken: mia.AccessToken)).Field("moderationAppeals").AsArray().Single()!;
        Assert.Equal("WARN", appeal["action"]!["kind"]!.GetValue<string>());
        var answered = await Client.SendAsync(
            "mutation($id: ID!) { answerAppeal(input: { appealId: $id, grant: false, reason: \"The warning stands\" }) { answeredAt granted } }",
            new { id = appeal["id"]!.GetValue<string>() }, mia.AccessToken);
        Assert.False(answered.Field("answerAppeal.granted").GetValue<bool>());
        Assert.Equal("ALREADY_ANSWERED", (await Client.SendAsync(
            "mutation($id: ID!) { answerAppeal(input: { appealId: $id, grant: true, reason: \"again\" }) { granted } }",
            new { id = appeal["id"]!.GetValue<string>() }, mia.AccessToken)).ErrorCode);

        Assert.Empty((await Client.SendAsync("mutation($id: ID!) { acknowledgeWarning(input: { warningId: $id }) { id } }", new { id = warningId }, ben.AccessToken)).Errors);
        Assert.Empty((await Client.SendAsync(Me, accessToken: ben.AccessToken)).Field("me.warnings").AsArray());
        var kinds = (await Client.SendAsync(AuditTrail, accessToken: mia.AccessToken)).Field("moderationAuditTrail").AsArray().Select(action => action!["kind"]!.GetValue<string>());
        Assert.Equal(["ANSWER_APPEAL", "WARN"], kinds);
    }

    [Fact]
    public async Task ABannedPerson_ShouldAppealWithTheirPassword_AndAGrantedAppealShouldLetThemBackIn()
    {
        var ben = await Client.PersonAsync("ben");
        var mia = await Api.ModeratorAsync(Client, "mia");
        const string Appeal = "mutation($u: String!, $p: String!, $t: String!) { appealSuspension(input: { username: $u, password: $p, text: $t }) { appealId } }";
        Assert.Equal("BAD_USER_INPUT", (await Client.SendAsync(Appeal, new { u = "ben", p = Infrastructure.Accounts.Password, t = "why?" })).ErrorCode);
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", until = Api.Clock.GetUtcNow().AddDays(1), reason = "Spam" })).Errors);
        // A ban replaces the suspension; the address goes on the ban list once.
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "BAN", reason = "Spam again" })).Errors);
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "BAN", reason = "Spam, third time" })).Errors);
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM banned_emails"));

        Assert.Equal("INVALID_CREDENTIALS", (await Client.SendAsync(Appeal, new { u = "ben", p = "a guess at it", t = "why?" })).ErrorCode);
        Assert.Empty((await Client.SendAsync(Appeal, new { u = "ben", p = Infrastructure.Accounts.Password, t = "Someone else used my phone" })).Errors);
        Assert.Equal("ALREADY_APPEALED", (await Client.SendAsync(Appeal, new { u = "ben", p = Infrastructure.Accounts.Password, t = "please" })).ErrorCode);

        var appealId = (await Client.SendAsync("{ moderationAppeals { id } }", accessToken: mia.AccessToken)).Field("moderationAppeals").AsArray().Single()!["id"]!.GetValue<string>();
        // Two moderators answer at the same instant: one answer lands, the other is told.
        var max = await Api.ModeratorAsync(Client, "max");
        var answers = await Task.WhenAll(new[] { mia, max }.Select(moderator => Client.SendAsync(
            "mutation($id: ID!) { answerAppeal(input: { appealId: $id, grant: true, reason: \"Believable\" }) { granted } }", new { id = appealId }, moderator.AccessToken)));
        Assert.Single(answers, answer => answer.Errors.Count == 0);
        Assert.Single(answers, answer => answer.ErrorCode == "ALREADY_ANSWERED");
        Assert.Equal(1L, await Api.ScalarAsync<long>("SELECT count(*) FROM moderation_actions WHERE kind = 'AnswerAppeal'"));

        Assert.Empty((await Client.LogInAsync("ben")).Errors);
        Assert.Empty((await Client.SendAsync("{ me { id } }", accessToken: ben.AccessToken)).Errors);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM banned_emails"));
    }

    [Fact]
    public async Task Evidence_ShouldOutliveTheReportedPersonsAccount()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        var mia = await Api.ModeratorAsync(Client, "mia");
        Assert.Empty((await Client.SendMessageAsync(ana, matchId, "hi ben")).Errors);
        var reported = (await Client.SendMessageAsync(ben, matchId, "send me money")).String("sendMessage.message.id");
        Assert.Empty((await Client.SendMessageAsync(ben, matchId, "now")).Errors);
        Assert.Empty((await Client.ReportAsync(ana, ben, "SPAM_OR_SCAM", messageId: reported, block: false)).Errors);
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = "No asking for money" })).Errors);

        Assert.Empty((await Client.SendAsync("mutation { deleteAccount { deleted } }", accessToken: ben.AccessToken)).Errors);

        var review = await Client.SendAsync(Moderators.Case, new { id = ben.UserId }, mia.AccessToken);
        Assert.Empty(review.Errors);
        Assert.Null(review.Field("moderationCase").AsObject()["username"]);
        var report = review.Field("moderationCase.reports").AsArray().Single()!;
        Assert.Equal(["hi ben", "send me money", "now"], report["conversation"]!.AsArray().Select(message => message!["body"]!.GetValue<string>()));
        Assert.Equal([false, true, false], report["conversation"]!.AsArray().Select(message => message!["isReported"]!.GetValue<bool>()));
        Assert.Equal("WARN", review.Field("moderationCase.actions").AsArray().Single()!["kind"]!.GetValue<string>());

        // The copied messages go 180 days after the decision; the report stays.
        var sweeper = Api.Services.GetRequiredService<ModerationSweeper>();
        Api.Clock.Advance(TimeSpan.FromDays(179));
        Assert.Equal(0, await sweeper.EraseOldEvidenceAsync(CancellationToken.None));
        Api.Clock.Advance(TimeSpan.FromDays(2));
        await sweeper.EraseOldEvidenceAsync(CancellationToken.None);
        var later = await Client.SendAsync(Moderators.Case, new { id = ben.UserId }, (await Client.LogInAsync("mia")).String("logIn.accessToken"));
        Assert.Empty(later.Field("moderationCase.reports").AsArray().Single()!["conversation"]!.AsArray());
    }

    [Fact]
    public async Task AReportedPhoto_ShouldStayVisibleToModeratorsAfterItsOwnerDeletesIt_UntilTheRetentionEnds()
    {
        var (ana, ben, _) = await Client.MatchedPairAsync("ana", "ben");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var photoId = (await Client.UploadPhotoAsync(ben)).String("uploadPhoto.photo.id");
        Assert.Empty((await Client.ReportAsync(ana, ben, "INAPPROPRIATE_PHOTO", photoId: photoId, block: false)).Errors);
        Assert.Empty((await Client.SendAsync("mutation($id: ID!) { deletePhoto(input: { photoId: $id }) { deletedPhotoId } }", new { id = photoId }, ben.AccessToken)).Errors);

        const string Evidence = "query($id: ID!) { moderationCase(userId: $id) { photos { id } reports { photo { id url deleted } } } }";
        var review = await Client.SendAsync(Evidence, new { id = ben.UserId }, mia.AccessToken);

        Assert.Empty(review.Field("moderationCase.photos").AsArray());
        var kept = review.Field("moderationCase.reports").AsArray().Single()!["photo"]!;
        Assert.True(kept["deleted"]!.GetValue<bool>());
        Assert.Equal(photoId, kept["id"]!.GetValue<string>());
        using (var http = new HttpClient())
            Assert.True((await http.GetAsync(kept["url"]!.GetValue<string>())).IsSuccessStatusCode);

        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = "No such photos" })).Errors);
        Api.Clock.Advance(TimeSpan.FromDays(181));
        await Api.Services.GetRequiredService<ModerationSweeper>().EraseOldEvidenceAsync(CancellationToken.None);
        var later = await Client.SendAsync(Evidence, new { id = ben.UserId }, (await Client.LogInAsync("mia")).String("logIn.accessToken"));
        Assert.Null(later.Field("moderationCase.reports").AsArray().Single()!["photo"]);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM reports WHERE evidence_photo_key IS NOT NULL"));
    }

    [Fact]
    public async Task Moderate_ShouldRefuseWhatAClumsyModeratorSends()
    {
        var ben = await Client.PersonAsync("ben");
        var mia = await Api.ModeratorAsync(Client, "mia");

        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = "  " })).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", reason = "x" })).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", reason = "x", until = Api.Clock.GetUtcNow().AddMinutes(-1) })).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "SUSPEND", reason = "x", until = Api.Clock.GetUtcNow().AddDays(400) })).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "ANSWER_APPEAL", reason = "x" })).ErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "WARN", reason = new string('x', 1001) })).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "LIFT", reason = "x" })).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.ModerateAsync(mia, new { userId = Guid.CreateVersion7().ToString(), action = "BAN", reason = "x" })).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "DISMISS", reason = "x", reportIds = new[] { Guid.CreateVersion7().ToString() } })).ErrorCode);
        Assert.Equal("NOT_FOUND", (await Client.ModerateAsync(mia, new { userId = ben.UserId, action = "REMOVE_PHOTO", reason = "x", photoId = Guid.CreateVersion7().ToString() })).ErrorCode);
        Assert.NotNull((await Client.ModerateAsync(mia, new { userId = "not an id", action = "WARN", reason = "x" })).ErrorCode);
        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM moderation_actions"));
    }
}
