using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// What /readyz answers: the overall status and each dependency's, e.g.
/// <c>{"status":"Unhealthy","checks":{"postgres":"Healthy","s3":"Unhealthy"}}</c>, so an operator sees which one is
/// down. No exception text: the endpoint is unauthenticated.
/// </summary>
internal static class ReadinessReport
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()),
        }), http.RequestAborted);
    }
}
