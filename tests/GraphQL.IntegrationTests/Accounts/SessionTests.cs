using System.Security.Cryptography;
using System.Text;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Accounts;

public sealed class SessionTests(FrienderApiFactory api) : ApiTest(api)
{
    private const string Refresh = "mutation Refresh($token: String!) { refreshToken(input: { refreshToken: $token }) { accessToken refreshToken user { id } } }";
    private const string LogOut = "mutation LogOut($token: String!) { logOut(input: { refreshToken: $token }) { loggedOut } }";
    private const string Me = "{ me { id } }";

    [Fact]
    public async Task RefreshToken_ShouldReturnANewPairThatWorks()
    {
        var session = await Client.SignUpAsync("tim");

        var refreshed = await Client.SendAsync(Refresh, new { token = session.RefreshToken });

        Assert.NotEqual(session.RefreshToken, refreshed.String("refreshToken.refreshToken"));
        var me = await Client.SendAsync(Me, accessToken: refreshed.String("refreshToken.accessToken"));
        Assert.Equal(session.UserId, me.String("me.id"));
    }

    [Fact]
    public async Task RefreshToken_UsedTwice_ShouldBeRefusedAndEndTheWholeSession()
    {
        var session = await Client.SignUpAsync("vint");
        var rotated = await Client.SendAsync(Refresh, new { token = session.RefreshToken });

        var replay = await Client.SendAsync(Refresh, new { token = session.RefreshToken });
        var newestAfterReplay = await Client.SendAsync(Refresh, new { token = rotated.String("refreshToken.refreshToken") });

        Assert.Equal("INVALID_REFRESH_TOKEN", replay.ErrorCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", newestAfterReplay.ErrorCode);
    }

    [Fact]
    public async Task RefreshToken_ReplayedFromOneSession_ShouldNotEndOtherSessions()
    {
        var first = await Client.SignUpAsync("radia");
        var second = Session.From(await Client.LogInAsync("radia"), "logIn");
        await Client.SendAsync(Refresh, new { token = first.RefreshToken });
        await Client.SendAsync(Refresh, new { token = first.RefreshToken });

        var other = await Client.SendAsync(Refresh, new { token = second.RefreshToken });

        Assert.Empty(other.Errors);
    }

    [Fact]
    public async Task RefreshToken_SentTwiceAtOnce_ShouldSucceedOnlyOnce()
    {
        var session = await Client.SignUpAsync("barbara_l");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.SendAsync(Refresh, new { token = session.RefreshToken })));

        Assert.Single(responses, response => response.Errors.Count == 0);
        Assert.All(responses.Where(response => response.Errors.Count > 0), response => Assert.Equal("INVALID_REFRESH_TOKEN", response.ErrorCode));
    }

    [Fact]
    public async Task RefreshToken_After30Days_ShouldBeRefused()
    {
        var session = await Client.SignUpAsync("ken");

        Api.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        Assert.Equal("INVALID_REFRESH_TOKEN", (await Client.SendAsync(Refresh, new { token = session.RefreshToken })).ErrorCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task RefreshToken_ThatWasNeverIssued_ShouldBeRefusedWithACode(string token)
    {
        var response = await Client.SendAsync(Refresh, new { token });

        Assert.Contains(response.ErrorCode, new[] { "INVALID_REFRESH_TOKEN", "BAD_USER_INPUT" });
    }

    [Fact]
    public async Task AccessToken_After15Minutes_ShouldNoLongerAuthenticate()
    {
        var session = await Client.SignUpAsync("john");

        Api.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Null((await Client.SendAsync(Me, accessToken: session.AccessToken)).Data!["me"]);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(LogOut, new { token = session.RefreshToken }, session.AccessToken)).ErrorCode);
    }

    [Fact]
    public async Task LogOut_ShouldRevokeTheAccessTokenAndTheRefreshTokenButNotOtherSessions()
    {
        var session = await Client.SignUpAsync("frances");
        var otherDevice = Session.From(await Client.LogInAsync("frances"), "logIn");

        var loggedOut = await Client.SendAsync(LogOut, new { token = session.RefreshToken }, session.AccessToken);

        Assert.True(loggedOut.Field("logOut.loggedOut").GetValue<bool>());
        Assert.Null((await Client.SendAsync(Me, accessToken: session.AccessToken)).Data!["me"]);
        Assert.Equal("INVALID_REFRESH_TOKEN", (await Client.SendAsync(Refresh, new { token = session.RefreshToken })).ErrorCode);
        Assert.Equal(session.UserId, (await Client.SendAsync(Me, accessToken: otherDevice.AccessToken)).String("me.id"));
    }

    [Fact]
    public async Task LogOut_WithSomeoneElsesRefreshToken_ShouldBeRefusedAndLeaveThatSessionAlone()
    {
        var mine = await Client.SignUpAsync("mallory");
        var theirs = await Client.SignUpAsync("victim");

        var response = await Client.SendAsync(LogOut, new { token = theirs.RefreshToken }, mine.AccessToken);

        Assert.Equal("INVALID_REFRESH_TOKEN", response.ErrorCode);
        Assert.Empty((await Client.SendAsync(Refresh, new { token = theirs.RefreshToken })).Errors);
    }

    [Fact]
    public async Task LogOut_WithoutAccessToken_ShouldAnswerUnauthenticated()
    {
        var session = await Client.SignUpAsync("anon");

        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync(LogOut, new { token = session.RefreshToken })).ErrorCode);
    }

    [Fact]
    public async Task Me_WithoutToken_ShouldBeNull()
    {
        var response = await Client.SendAsync(Me);

        Assert.Empty(response.Errors);
        Assert.Null(response.Data!["me"]);
    }

    [Fact]
    public async Task Me_WithATokenSignedByAnotherKey_ShouldBeNull()
    {
        var session = await Client.SignUpAsync("eve");
        var parts = session.AccessToken.Split('.');
        var forgedSignature = Base64Url(HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));

        var response = await Client.SendAsync(Me, accessToken: $"{parts[0]}.{parts[1]}.{forgedSignature}");

        Assert.Null(response.Data!["me"]);
    }

    [Fact]
    public async Task Me_WithAnUnsignedToken_ShouldBeNull()
    {
        var session = await Client.SignUpAsync("oscar");
        var payload = session.AccessToken.Split('.')[1];
        var header = Base64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray());

        var response = await Client.SendAsync(Me, accessToken: $"{header}.{payload}.");

        Assert.Null(response.Data!["me"]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
