using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Friender.Application.Accounts.Common;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Friender.GraphQL.IntegrationTests.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Accounts;

/// <summary>changePassword, deleteAccount and exportMyData: a person can change their secret, leave, and take their data.</summary>
public sealed class AccountLifecycleTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string ChangePassword = "mutation($p: String!) { changePassword(input: { newPassword: $p }) { accessToken refreshToken } }";
    private const string DeleteAccount = "mutation { deleteAccount { deleted } }";
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task ChangePassword_AfterAFreshLogin_ShouldReplaceThePasswordAndEndEveryOtherSession()
    {
        var ada = await Client.SignUpAsync("ada");

        var changed = await Client.SendAsync(ChangePassword, new { p = NewPassword }, ada.AccessToken);

        Assert.Empty(changed.Errors);
        Assert.Equal("INVALID_CREDENTIALS", (await Client.LogInAsync("ada")).ErrorCode);
        Assert.Empty((await Client.LogInAsync("ada", NewPassword)).Errors);
        var oldSession = await Client.SendAsync("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken } }", new { t = ada.RefreshToken });
        Assert.Equal("INVALID_REFRESH_TOKEN", oldSession.ErrorCode);
        var newSession = await Client.SendAsync("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken } }", new { t = changed.String("changePassword.refreshToken") });
        Assert.Empty(newSession.Errors);
    }

    [Fact]
    public async Task ChangePasswordAndDeleteAccount_WithALoginOlderThanFiveMinutes_ShouldRequireAFreshOne()
    {
        var ada = await Client.SignUpAsync("ada");
        Api.Clock.Advance(FreshLogin.Window + TimeSpan.FromSeconds(1));

        var change = await Client.SendAsync(ChangePassword, new { p = NewPassword }, ada.AccessToken);
        var delete = await Client.SendAsync(DeleteAccount, accessToken: ada.AccessToken);

        Assert.Equal("FRESH_LOGIN_REQUIRED", change.ErrorCode);
        Assert.Equal("FRESH_LOGIN_REQUIRED", delete.ErrorCode);
        Assert.Empty((await Client.LogInAsync("ada")).Errors);
    }

    [Fact]
    public async Task ARefreshedAccessToken_ShouldNotCountAsAFreshLogin()
    {
        var ada = await Client.SignUpAsync("ada");
        var refreshed = await Client.SendAsync("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken } }", new { t = ada.RefreshToken });

        var delete = await Client.SendAsync(DeleteAccount, accessToken: refreshed.String("refreshToken.accessToken"));

        Assert.Equal("FRESH_LOGIN_REQUIRED", delete.ErrorCode);
    }

    [Fact]
    public async Task DeleteAccount_ShouldRemoveEverythingThatIdentifiesThePerson_EndTheirMatchesAndSessions()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        Assert.Empty((await Client.UploadPhotoAsync(ana)).Errors);
        Assert.Empty((await Client.SendMessageAsync(ana, matchId, "hello ben")).Errors);
        Assert.Empty((await Client.SendMessageAsync(ben, matchId, "hi ana")).Errors);
        Assert.NotEmpty(await ObjectsOfAsync(ana.UserId));
        // Reported by someone she met and warned by a moderator: the evidence and the audit trail outlive her account.
        var eve = await Client.PersonAsync("eve", zipCode: "10003");
        await Client.SwipeAsync(eve, ana, "NO");
        Assert.Empty((await Client.ReportAsync(eve, ana, block: false)).Errors);
        var mia = await Api.ModeratorAsync(Client, "mia");
        Assert.Empty((await Client.ModerateAsync(mia, new { userId = ana.UserId, action = "WARN", reason = "be kind" })).Errors);
        await using var socket = await Api.SubscribeAsync(ana, "subscription { messageReceived { id } }");

        var deleted = await Client.SendAsync(DeleteAccount, accessToken: ana.AccessToken);

        Assert.True(deleted.Field("deleteAccount.deleted").GetValue<bool>());
        Assert.Equal(4403, (await socket.ReceiveAsync()).CloseCode);
        Assert.Empty(await ObjectsOfAsync(ana.UserId));
        var me = await Client.SendAsync("{ me { id } }", accessToken: ana.AccessToken);
        Assert.Null(me.Body["data"]!["me"]);
        Assert.Equal("INVALID_CREDENTIALS", (await Client.LogInAsync("ana")).ErrorCode);
        var bensMatches = await Client.SendAsync("{ matches(first: 10) { edges { node { id } } } }", accessToken: ben.AccessToken);
        Assert.Empty(bensMatches.Field("matches.edges").AsArray());
        Assert.NotEmpty((await Client.SendMessageAsync(ben, matchId, "are you there?")).Errors);
        foreach (var table in await TablesAsync())
        {
            var rows = await Api.ScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE t::text LIKE '%{ana.UserId}%'");
            if (KeptAfterDeletion.TryGetValue(table, out var why))
                Assert.True(rows > 0, $"{table} is named as keeping the deleted account ({why}) but does not: drop it from the exceptions");
            else
                Assert.True(rows == 0, $"{rows} row(s) of {table} still mention the deleted account");
        }

        Assert.Equal(0L, await Api.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'hi ana'"));
    }

    /// <summary>What deletion keeps on purpose, and why; every other table must forget the person (README, privacy notes).</summary>
    private static readonly Dictionary<string, string> KeptAfterDeletion = new()
    {
        ["revoked_accounts"] = "refuses the account's access tokens until the last of them expires",
        ["reports"] = "reports about the person stay as moderation evidence",
        ["moderation_actions"] = "the audit trail",
    };

    private async Task<List<string>> TablesAsync()
    {
        var names = await Api.ScalarAsync<string>("""
            SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND table_name NOT IN ('__ef_migrations_history', 'spatial_ref_sys', 'zip_codes', 'grid_cells')
            """);
        return names.Split(',').ToList();
    }

    [Fact]
    public async Task ExportMyData_ShouldHoldEverythingStoredAboutTheCallerAndNothingPrivateOfOthers()
    {
        var (ana, ben, matchId) = await Client.MatchedPairAsync("ana", "ben");
        Assert.Empty((await Client.UploadPhotoAsync(ana)).Errors);
        await Client.SendMessageAsync(ana, matchId, "hello ben");
        Api.Clock.Advance(TimeSpan.FromSeconds(1));
        await Client.SendMessageAsync(ben, matchId, "hi ana");
        var mia = await Api.ModeratorAsync(Client, "mia");
        var warning = (await Client.ModerateAsync(mia, new { userId = ana.UserId, action = "WARN", reason = "be kinder" })).String("moderate.id");
        Assert.Empty((await Client.SendAsync(
            "mutation($id: ID!) { appealDecision(input: { actionId: $id, text: \"I was kind\" }) { appealId } }", new { id = warning }, ana.AccessToken)).Errors);

        var exported = await Client.SendAsync("{ exportMyData }", accessToken: ana.AccessToken);

        var text = exported.String("exportMyData");
        var data = JsonNode.Parse(text)!;
        Assert.Equal("ana@example.com", data["account"]!["email"]!.GetValue<string>());
        Assert.Equal("10001", data["profile"]!["zipCode"]!.GetValue<string>());
        Assert.Single(data["photos"]!.AsArray());
        Assert.StartsWith("http", data["photos"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(ben.UserId, data["swipes"]![0]!["userId"]!.GetValue<string>());
        Assert.Equal("YES", data["swipes"]![0]!["decision"]!.GetValue<string>());
        var match = data["matches"]![0]!;
        Assert.Equal(matchId, match["id"]!.GetValue<string>());
        Assert.Equal(["hello ben", "hi ana"], match["messages"]!.AsArray().Select(message => message!["body"]!.GetValue<string>()));
        Assert.Equal("be kinder", data["warnings"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal("I was kind", data["appeals"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("ben@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10003", text, StringComparison.Ordinal);
    }

    private async Task<List<string>> ObjectsOfAsync(string userId)
    {
        var s3 = Api.Services.GetRequiredService<IAmazonS3>();
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "friender-photos", Prefix = $"users/{userId}/" });
        return listing.S3Objects?.Select(item => item.Key).ToList() ?? [];
    }
}
