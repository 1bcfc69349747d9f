using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Accounts;

/// <summary>The web client's refresh token in an HttpOnly cookie that only the /auth endpoints read (ADR 0030).</summary>
public sealed class RefreshCookieTests(FrienderApiFactory api) : ApiTest(api), IDisposable
{
    private const string CookieName = "friender_refresh";

    // Cookies by hand, as a browser would send them: HttpClient's own jar would not send a Secure cookie over http.
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = api.BaseAddress };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task LogIn_AskingForTheCookie_ShouldSetItHttpOnlySecureStrictAndScopedToTheSessionEndpoints()
    {
        await Client.SignUpAsync("cora");

        using var withCookie = await LogInAsync("cora", askForCookie: true);
        using var without = await LogInAsync("cora", askForCookie: false);

        var setCookie = Assert.Single(withCookie.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        Assert.StartsWith($"{CookieName}=", setCookie);
        Assert.Contains("path=/auth", setCookie);
        Assert.Contains("httponly", setCookie);
        Assert.Contains("secure", setCookie);
        Assert.Contains("samesite=strict", setCookie);
        Assert.Contains("max-age=2592000", setCookie);
        Assert.False(without.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AuthRefresh_ShouldAnswerAWorkingAccessTokenAndRotateTheCookie_AndAReplayEndsTheFamily()
    {
        var session = await Client.SignUpAsync("dora");
        var first = CookieOf(await LogInAsync("dora", askForCookie: true));

        using var refreshed = await PostAsync("/auth/refresh", first);
        var body = await BodyAsync(refreshed);
        var second = CookieOf(refreshed);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal("dora", body["data"]!["user"]!["username"]!.GetValue<string>());
        Assert.Null(body["data"]!["refreshToken"]);
        var me = await Client.SendAsync("{ me { id } }", accessToken: body["data"]!["accessToken"]!.GetValue<string>());
        Assert.Equal(session.UserId, me.String("me.id"));

        using var replay = await PostAsync("/auth/refresh", first);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", Code(await BodyAsync(replay)));
        Assert.Contains("max-age=0", Assert.Single(replay.Headers.GetValues("Set-Cookie")).ToLowerInvariant());
        using var newestAfterReplay = await PostAsync("/auth/refresh", second);
        Assert.Equal(HttpStatusCode.Unauthorized, newestAfterReplay.StatusCode);
    }

    [Fact]
    public async Task AuthRefresh_WithoutTheCsrfHeaderOrACookieOrAsGet_ShouldBeRefusedWithACode()
    {
        await Client.SignUpAsync("edda");
        var cookie = CookieOf(await LogInAsync("edda", askForCookie: true));

        using var noHeader = await PostAsync("/auth/refresh", cookie, csrf: false);
        using var noCookie = await PostAsync("/auth/refresh", cookie: null);
        using var get = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/auth/refresh") { Headers = { { "X-Friender-CSRF", "1" }, { "Cookie", $"{CookieName}={cookie}" } } });
        using var stillGood = await PostAsync("/auth/refresh", cookie);

        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
        Assert.Equal("CSRF_HEADER_REQUIRED", Code(await BodyAsync(noHeader)));
        Assert.Equal(HttpStatusCode.Unauthorized, noCookie.StatusCode);
        Assert.Equal("INVALID_REFRESH_TOKEN", Code(await BodyAsync(noCookie)));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", Code(await BodyAsync(get)));
        Assert.Equal(HttpStatusCode.OK, stillGood.StatusCode);
    }

    [Fact]
    public async Task AuthLogout_ShouldEndTheCookiesSessionFamilyAndClearIt()
    {
        await Client.SignUpAsync("fern");
        using var login = await LogInAsync("fern", askForCookie: true);
        var cookie = CookieOf(login);
        var accessToken = (await BodyAsync(login))["data"]!["logIn"]!["accessToken"]!.GetValue<string>();
        var rotated = CookieOf(await PostAsync("/auth/refresh", cookie));

        using var logout = await PostAsync("/auth/logout", rotated, accessToken: accessToken);

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.True((await BodyAsync(logout))["data"]!["loggedOut"]!.GetValue<bool>());
        Assert.Contains("max-age=0", Assert.Single(logout.Headers.GetValues("Set-Cookie")).ToLowerInvariant());
        using var after = await PostAsync("/auth/refresh", rotated);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (await Client.SendAsync("{ unreadTotal }", accessToken: accessToken)).ErrorCode);
    }

    private async Task<HttpResponseMessage> LogInAsync(string username, bool askForCookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = Infrastructure.Accounts.LogInMutation, variables = new { input = new { username, password = Infrastructure.Accounts.Password } } }),
        };
        if (askForCookie)
            request.Headers.Add("X-Friender-Session", "cookie");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private Task<HttpResponseMessage> PostAsync(string path, string? cookie, bool csrf = true, string? accessToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (csrf)
            request.Headers.Add("X-Friender-CSRF", "1");
        if (cookie is not null)
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return _http.SendAsync(request);
    }

    private static string CookieOf(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return header.Split(';')[0][(CookieName.Length + 1)..];
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
