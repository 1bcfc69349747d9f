using System.Collections.Concurrent;
using System.Diagnostics;

namespace Friender.GraphQL.Hosting;

/// <summary>
/// Where requests spend their time, for make bench: while started, listens to every span of this process (the HTTP
/// request, the token check, parse, validation, execution, use cases, each SQL command, serialisation) and adds each
/// request's spans up under its GraphQL root field. Only the bench endpoints start it, and nothing listens otherwise,
/// so the throughput runs measure the API without it.
/// </summary>
internal sealed class SpanProfile : IDisposable
{
    private const string RequestStage = "request";

    private static readonly HashSet<string> Sources = [FrienderTelemetry.Name, Application.Common.Behaviors.ApplicationTelemetry.SourceName, "Npgsql", "Microsoft.AspNetCore"];

    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, Trace> _open = new();
    private readonly ConcurrentDictionary<(string Field, string Stage), Totals> _totals = new();

    public SpanProfile()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Per root field: requests, and for each stage its spans per request and milliseconds per request.</summary>
    public IReadOnlyDictionary<string, FieldProfile> Report()
    {
        var fields = new Dictionary<string, FieldProfile>();
        foreach (var group in _totals.GroupBy(entry => entry.Key.Field))
        {
            var requests = group.FirstOrDefault(entry => entry.Key.Stage == RequestStage).Value?.Count ?? 0;
            if (requests == 0)
                continue;
            fields[group.Key] = new FieldProfile(
                requests,
                group.ToDictionary(
                    entry => entry.Key.Stage,
                    entry => new StageProfile((double)entry.Value.Count / requests, entry.Value.Elapsed.TotalMilliseconds / requests)));
        }

        return fields;
    }

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        var trace = _open.GetOrAdd(activity.TraceId, _ => new Trace());
        if (activity.Parent is not null)
        {
            if (activity.OperationName == FrienderTelemetry.ExecuteSpan && activity.GetTagItem("graphql.field") is string field)
                trace.Field = field;
            trace.Spans.Enqueue((StageOf(activity), activity.Duration));
            return;
        }

        _open.TryRemove(activity.TraceId, out _);
        var root = trace.Field ?? "none";
        Add(root, RequestStage, activity.Duration);
        foreach (var (stage, duration) in trace.Spans)
            Add(root, stage, duration);
    }

    private void Add(string field, string stage, TimeSpan duration)
    {
        var totals = _totals.GetOrAdd((field, stage), _ => new Totals());
        lock (totals)
        {
            totals.Count++;
            totals.Elapsed += duration;
        }
    }

    private static string StageOf(Activity activity) => activity.Source.Name switch
    {
        "Npgsql" => "sql",
        Application.Common.Behaviors.ApplicationTelemetry.SourceName => "use case",
        _ => activity.OperationName,
    };

    private sealed class Trace
    {
        public ConcurrentQueue<(string Stage, TimeSpan Duration)> Spans { get; } = new();

        public string? Field { get; set; }
    }

    private sealed class Totals
    {
        public long Count { get; set; }

        public TimeSpan Elapsed { get; set; }
    }
}

internal sealed record FieldProfile(long Requests, IReadOnlyDictionary<string, StageProfile> Stages);

/// <param name="SpansPerRequest">How many spans of the stage a request had, on average (SQL: round trips).</param>
/// <param name="MillisecondsPerRequest">Their time, added up, per request.</param>
internal sealed record StageProfile(double SpansPerRequest, double MillisecondsPerRequest);
