using Friender.Application.Common.Behaviors;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core's requests, ours in <see cref="FrienderTelemetry"/>) scraped in Prometheus
/// format at <c>/metrics</c>, and traces (request → GraphQL operation → use case → SQL and S3 calls) exported over
/// OTLP to <c>Telemetry:OtlpEndpoint</c> when one is set. Span attributes are the instrumentations' defaults, which
/// leave out query strings and SQL parameter values; nothing of ours records request contents.
/// </summary>
internal static class Observability
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddFrienderObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["Telemetry:OtlpEndpoint"];
        var tracing = configuration.GetValue<bool>("Telemetry:Tracing") || !string.IsNullOrEmpty(otlp);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("friender-api"))
            .WithMetrics(metrics => metrics
                .AddMeter(FrienderTelemetry.Name)
                .AddMeter(Friender.Application.Moderation.Common.ModerationMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        if (tracing)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddSource(FrienderTelemetry.Name, ApplicationTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrEmpty(otlp))
                    traces.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp));
            });
        }

        return services;
    }
}
