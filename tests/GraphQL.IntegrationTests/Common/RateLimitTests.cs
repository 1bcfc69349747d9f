using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Common;

/// <summary>
/// Rate limits, on (the shared test app turns them off), with small limits: per address before a login, per person
/// after it, and the address taken from X-Forwarded-For only when the request comes from a trusted proxy.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string SignUp = "mutation($u: String!) { signUp(input: { username: $u, email: \"x@example.com\", password: \"short\" }) { accessToken } }";

    private FrienderApiFactory? _api;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_api is not null)
            await _api.DisposeAsync();
    }

    [Fact]
    public async Task SignUp_PastItsLimitPerAddress_ShouldBeRateLimitedWithRetryAfter_AndASpoofedForwardedForShouldNotHelp()
    {
        var api = await StartAsync();

        var answers = new List<JsonObject>();
        for (var attempt = 0; attempt < 3; attempt++)
            answers.Add(await PostAsync(api, SignUp, new { u = $"user_{attempt}" }));
        var limited = await PostAsync(api, SignUp, new { u = "user_3" });
        var spoofed = await PostAsync(api, SignUp, new { u = "user_4" }, forwardedFor: "203.0.113.7");

        // Three invalid sign-ups still count (limits come before validation), then the fourth is refused.
        Assert.All(answers, answer => Assert.Equal("BAD_USER_INPUT", Code(answer)));
        Assert.Equal("RATE_LIMITED", Code(limited));
        Assert.InRange(limited["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>(), 1, 3600);
        Assert.Equal("RATE_LIMITED", Code(spoofed));
    }

    [Fact]
    public async Task BehindATrustedProxy_EachForwardedAddressShouldHaveItsOwnLimit()
    {
        var api = await StartAsync(("ForwardedHeaders:TrustedProxies:0", "127.0.0.1"));

        for (var attempt = 0; attempt < 3; attempt++)
            await PostAsync(api, SignUp, new { u = $"user_{attempt}" }, forwardedFor: "203.0.113.7");
        var sameClient = await PostAsync(api, SignUp, new { u = "user_3" }, forwardedFor: "203.0.113.7");
        var otherClient = await PostAsync(api, SignUp, new { u = "user_4" }, forwardedFor: "198.51.100.9");

        Assert.Equal("RATE_LIMITED", Code(sameClient));
        Assert.Equal("BAD_USER_INPUT", Code(otherClient));
    }

    [Fact]
    public async Task UpdateProfile_PastItsLimitPerPerson_ShouldBeRateLimitedForThatPersonOnly()
    {
        var api = await StartAsync(("RateLimits:Policies:signUp:PermitLimit", "10"));
        using var client = api.CreateGraphQLClient();
        var ana = await client.SignUpAsync("ana");
        var ben = await client.SignUpAsync("ben");

        var first = await client.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "Ana"));
        var second = await client.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "Ana B"));
        var third = await client.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(displayName: "Ana C"));
        var other = await client.UpdateProfileAsync(ben, Infrastructure.Profiles.Input(displayName: "Ben"));

        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Equal("RATE_LIMITED", third.ErrorCode);
        Assert.Empty(other.Errors);
        var me = await client.SendAsync("{ me { profile { displayName } } }", accessToken: ana.AccessToken);
        Assert.Equal("Ana B", me.String("me.profile.displayName"));
    }

    private async Task<FrienderApiFactory> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Policies:signUp:PermitLimit"] = "3",
            ["RateLimits:Policies:updateProfile:PermitLimit"] = "2",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        _api = new FrienderApiFactory { Settings = settings };
        await _api.InitializeAsync();
        return _api;
    }

    private static async Task<JsonObject> PostAsync(FrienderApiFactory api, string query, object variables, string? forwardedFor = null)
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static string? Code(JsonObject answer) => answer["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
