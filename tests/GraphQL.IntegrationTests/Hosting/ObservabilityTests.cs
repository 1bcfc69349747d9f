using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Friender.GraphQL.IntegrationTests.Hosting;

/// <summary>
/// Metrics at /metrics in Prometheus format, and, with tracing on, nothing a person typed or was given in secret (a
/// password, a token, a message, a ZIP code, a coordinate) in any log line or span.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ObservabilityTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _logs = new();
    private readonly ConcurrentQueue<string> _spans = new();
    private FrienderApiFactory _api = null!;
    private ActivityListener _listener = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(activity.DisplayName + " " + string.Join(' ', activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))),
        };
        ActivitySource.AddActivityListener(_listener);
        _api = new FrienderApiFactory
        {
            Settings = new Dictionary<string, string> { ["Telemetry:Tracing"] = "true", ["Logging:LogLevel:Default"] = "Trace" },
            ExtraServices = services => services.AddSingleton<ILoggerProvider>(new CollectingLoggerProvider(_logs)),
        };
        await _api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_ShouldCountOperationsByRootFieldAndErrorsByCode()
    {
        using var client = _api.CreateGraphQLClient();
        await client.SendAsync("{ me { id } }");
        await client.SendAsync("{ discover(first: 1) { edges { cursor } } }");

        var metrics = await client.Http.GetStringAsync("/metrics");

        Assert.Contains("friender_graphql_operation_duration_seconds_count{", metrics, StringComparison.Ordinal);
        Assert.Contains("graphql_field=\"discover\"", metrics, StringComparison.Ordinal);
        Assert.Contains("friender_graphql_errors_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("error_code=\"UNAUTHENTICATED\"", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsAndSpans_ShouldNeverHoldPasswordsTokensMessagesZipCodesOrCoordinates()
    {
        using var client = _api.CreateGraphQLClient();
        const string Password = "secret-passphrase-4711";
        const string Body = "a private message 7f3a";
        var ana = Session.From(await client.SendAsync(
            "mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken user { id } } }",
            new { i = new { username = "ana", email = "ana.private@example.com", password = Password } }), "signUp");
        await client.SendAsync("mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }", new { i = new { username = "ana", password = Password } });
        await client.SendAsync("mutation($i: LogInInput!) { logIn(input: $i) { accessToken } }", new { i = new { username = "ana", password = Password + "-wrong" } });
        var refreshed = await client.SendAsync("mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }", new { t = ana.RefreshToken });
        await client.UpdateProfileAsync(ana, Infrastructure.Profiles.Input(zipCode: "94103"));
        var ben = await client.PersonAsync("ben", "94103");
        await client.SwipeAsync(ana, ben);
        var match = await client.SwipeAsync(ben, ana);
        await client.SendMessageAsync(ana, match.String("swipe.match.id"), Body);
        await client.Http.GetAsync($"/graphql?query={Uri.EscapeDataString("{ me { id } }")}&variables={Uri.EscapeDataString($"{{\"p\":\"{Password}\"}}")}");
        var point = await _api.ScalarAsync<string>($"SELECT ST_Y(location::geometry)::text || ' ' || ST_X(location::geometry)::text FROM profiles WHERE user_id = '{ana.UserId}'");

        var secrets = new List<string>
        {
            Password, ana.AccessToken, ana.RefreshToken, refreshed.String("refreshToken.accessToken"),
            refreshed.String("refreshToken.refreshToken"), Body, "94103", "ana.private@example.com",
        };
        secrets.AddRange(point.Split(' ').Select(coordinate => double.Parse(coordinate, CultureInfo.InvariantCulture).ToString("F4", CultureInfo.InvariantCulture)));

        Assert.NotEmpty(_logs);
        Assert.Contains(_spans, span => span.StartsWith("use case SendMessageCommand", StringComparison.Ordinal));
        Assert.Contains(_spans, span => span.Contains("db.", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(_logs, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(_spans, span => span.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
                lines.Enqueue($"{category} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
