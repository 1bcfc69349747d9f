using System.Diagnostics;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands Npgsql sends while an action runs (from its tracing, so EF Core's and raw ones).</summary>
public static class SqlCommands
{
    public static async Task<(int Commands, T Result)> CountAsync<T>(Func<Task<T>> action)
    {
        var commands = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = _ => Interlocked.Increment(ref commands),
        };
        ActivitySource.AddActivityListener(listener);
        var result = await action();
        return (commands, result);
    }
}
