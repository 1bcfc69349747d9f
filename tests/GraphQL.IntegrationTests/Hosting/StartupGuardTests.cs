using System.Net;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.IntegrationTests.Hosting;

public sealed class StartupGuardTests
{
    [Fact]
    public void Start_OutsideDevelopmentWithTheDevelopmentSigningKey_ShouldRefuseToStart()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            host.UseSetting("ConnectionStrings:Postgres", "Host=127.0.0.1;Port=1;Database=none");
        });

        var refusal = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("development key", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_WhenS3IsUnreachable_ShouldAnswer503AndSayWhichDependencyIsDown()
    {
        using var factory = StandaloneApi.Create(host => host.UseSetting("S3:ServiceUrl", "http://127.0.0.1:9"));

        using var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", report["checks"]!["s3"]!.GetValue<string>());
        Assert.Equal("Healthy", report["checks"]!["postgres"]!.GetValue<string>());
    }
}
