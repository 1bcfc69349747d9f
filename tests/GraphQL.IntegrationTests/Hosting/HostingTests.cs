using System.Net;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Hosting;

public sealed class HostingTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Healthz_ShouldAnswerHealthy()
    {
        using var response = await Client.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_WithPostgresAndS3Up_ShouldAnswerHealthyForEach()
    {
        using var response = await Client.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", report["status"]!.GetValue<string>());
        Assert.Equal(["postgres", "s3"], report["checks"]!.AsObject().Select(check => check.Key).Order());
        Assert.All(report["checks"]!.AsObject(), check => Assert.Equal("Healthy", check.Value!.GetValue<string>()));
    }

    [Fact]
    public async Task Ide_ShouldServeBananaCakePopUnmodifiedWithItsLicense()
    {
        var index = await Client.Http.GetStringAsync("/graphql/ui/");
        var license = await Client.Http.GetStringAsync("/graphql/ui/LICENSE");

        var packaged = Path.Combine(S3rverProcess.RepositoryRoot(), "node_modules", "@chillicream", "bananacakepop-graphql-ide");
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(packaged, "index.html")), index);
        Assert.Contains("ChilliCream", license, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ide_WithoutTrailingSlash_ShouldRedirectSoRelativeAssetsResolve()
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Api.BaseAddress };

        using var response = await noRedirects.GetAsync("/graphql/ui");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/ui/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task IdeConfig_ShouldPointAtGraphQLWithTheTransportWsProtocol()
    {
        var config = JsonNode.Parse(await Client.Http.GetStringAsync("/graphql/ui/bcp-config.json"))!;

        Assert.Equal("..", config["endpoint"]!.GetValue<string>());
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.Equal("graphql-transport-ws", config["subscriptionProtocol"]!.GetValue<string>());
        Assert.Equal("1", config["httpHeaders"]!["GraphQL-Preflight"]!.GetValue<string>());
    }
}
