using System.Net;
using System.Net.Http.Headers;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Hosting;

/// <summary>The web client's build served at /, beside the API.</summary>
public sealed class WebClientTests(FrienderApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/matches/0193a4b2-0000-7000-8000-000000000001")]
    public async Task Page_ShouldBeIndexHtmlNeverCachedAndLockedToThisOrigin(string path)
    {
        using var response = await Client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains($"connect-src 'self' ws://{Api.BaseAddress.Authority} wss://{Api.BaseAddress.Authority};", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedAsset_ShouldBeCachedForGood()
    {
        using var response = await Client.Http.GetAsync("/assets/index-4f3a2b1c.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task MissingAsset_ShouldBe404NotThePage()
    {
        using var response = await Client.Http.GetAsync("/assets/missing-0000.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApiAndIde_ShouldStillAnswerBesideTheClient()
    {
        var graphql = await Client.SendAsync("{ __typename }");
        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql/ui/");
        ide.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var ideResponse = await Client.Http.SendAsync(ide);
        using var health = await Client.Http.GetAsync("/healthz");

        Assert.Equal("Query", graphql.String("__typename"));
        Assert.Equal(HttpStatusCode.OK, ideResponse.StatusCode);
        Assert.DoesNotContain("<title>Friender</title>", await ideResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
