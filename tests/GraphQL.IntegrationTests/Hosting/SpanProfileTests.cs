using System.Diagnostics;
using Friender.GraphQL.Hosting;
using Friender.GraphQL.IntegrationTests.Infrastructure;

namespace Friender.GraphQL.IntegrationTests.Hosting;

/// <summary>make bench's profile of where requests spend their time, and that nothing serves it unless asked to.</summary>
public sealed class SpanProfileTests(FrienderApiFactory api) : ApiTest(api)
{
    private static readonly ActivitySource Aspnet = new("Microsoft.AspNetCore");
    private static readonly ActivitySource Npgsql = new("Npgsql");

    [Fact]
    public void EachRequestsSpans_ShouldBeAddedUpUnderItsRootField()
    {
        using var profile = new SpanProfile();

        Request("swipe", sqlCommands: 1);
        Request("swipe", sqlCommands: 1);
        Request("sendMessage", sqlCommands: 3);
        var report = profile.Report();

        Assert.Equal(2, report["swipe"].Requests);
        Assert.Equal(1, report["swipe"].Stages["sql"].SpansPerRequest);
        Assert.Equal(1, report["swipe"].Stages[FrienderTelemetry.TokenCheckSpan].SpansPerRequest);
        Assert.Equal(1, report["sendMessage"].Requests);
        Assert.Equal(3, report["sendMessage"].Stages["sql"].SpansPerRequest);
        Assert.True(report["sendMessage"].Stages["request"].MillisecondsPerRequest >= report["sendMessage"].Stages["sql"].MillisecondsPerRequest);
    }

    [Fact]
    public void AStoppedProfile_ShouldListenToNothing()
    {
        var profile = new SpanProfile();
        profile.Dispose();

        Request("swipe", sqlCommands: 1);

        Assert.Empty(profile.Report());
    }

    [Fact]
    public async Task TheBenchEndpoints_ShouldNotBeServedUnlessConfigured()
    {
        var started = await Api.CreateClient().PostAsync("/bench/profile/start", null);
        var stopped = await Api.CreateClient().PostAsync("/bench/profile/stop", null);
        var page = await Api.CreateClient().GetAsync("/bench/static");

        Assert.NotEqual(System.Net.HttpStatusCode.NoContent, started.StatusCode);
        Assert.False(stopped.IsSuccessStatusCode);
        Assert.NotEqual("application/json", page.Content.Headers.ContentType?.MediaType);
    }

    private static void Request(string field, int sqlCommands)
    {
        using var request = Aspnet.StartActivity("Microsoft.AspNetCore.Hosting.HttpRequestIn");
        using (FrienderTelemetry.Source.StartActivity(FrienderTelemetry.TokenCheckSpan))
        {
        }

        using (var execute = FrienderTelemetry.Source.StartActivity(FrienderTelemetry.ExecuteSpan))
        {
            for (var command = 0; command < sqlCommands; command++)
            {
                using var sql = Npgsql.StartActivity("friender");
                Thread.Sleep(1);
            }

            execute?.SetTag("graphql.field", field);
        }
    }
}
