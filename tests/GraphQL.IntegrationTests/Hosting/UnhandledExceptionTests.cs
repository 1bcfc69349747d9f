using System.Net;
using System.Text.Json.Nodes;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Hosting;

public sealed class UnhandledExceptionTests
{
    [Fact]
    public async Task Request_WhenAnExceptionEscapesThePipeline_ShouldAnswer500InternalWithoutItsDetails()
    {
        using var factory = StandaloneApi.Create(host =>
            host.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowAfterThePipeline>()));

        // POST: a GET for an unknown path is the web client's page when web/dist is built.
        using var response = await factory.CreateClient().PostAsync("/nothing-here", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("INTERNAL", JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }

    /// <summary>Puts a failing middleware behind the whole app, where only the app's last-resort handler sees it.</summary>
    private sealed class ThrowAfterThePipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException("connection string Password=hunter2"));
        };
    }
}
