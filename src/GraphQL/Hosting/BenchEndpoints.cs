namespace Friender.GraphQL.Hosting;

/// <summary>
/// For make bench, mapped only with <c>Bench:Endpoints=true</c> and never in a deployment: a static JSON answer in the
/// same process as the API, so GraphQL's own cost can be put beside plain ASP.NET Core's; and a profile of where
/// requests spend their time (<see cref="SpanProfile"/>), started and read by the bench in a run of its own.
/// </summary>
internal static class BenchEndpoints
{
    private static SpanProfile? _profile;

    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Bench:Endpoints"))
            return;

        var answer = new { data = new { me = (object?)null } };
        app.MapGet("/bench/static", () => Results.Json(answer));
        app.MapPost("/bench/profile/start", () =>
        {
            Interlocked.Exchange(ref _profile, new SpanProfile())?.Dispose();
            return Results.NoContent();
        });
        app.MapPost("/bench/profile/stop", () =>
        {
            using var profile = Interlocked.Exchange(ref _profile, null);
            return profile is null ? Results.NotFound() : Results.Json(profile.Report());
        });
    }
}
