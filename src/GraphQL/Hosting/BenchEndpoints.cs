namespace Friender.GraphQL.Hosting;

/// <summary>
/// A static JSON answer in the same process as the API, so make bench can put GraphQL's own cost beside plain ASP.NET
/// Core's. Mapped only with <c>Bench:Endpoints=true</c>; never in a deployment.
/// </summary>
internal static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Endpoints"))
            return;

        var answer = new { data = new { me = (object?)null } };
        app.MapGet("/bench/static", () => Results.Json(answer));
    }
}
