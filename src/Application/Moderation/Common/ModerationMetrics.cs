using System.Diagnostics.Metrics;
using Friender.Domain.Matching;
using Friender.Domain.Moderation;

namespace Friender.Application.Moderation.Common;

/// <summary>Reports and moderator actions, counted by category and by kind (friender.reports, friender.moderation.actions).</summary>
public static class ModerationMetrics
{
    public const string MeterName = "Friender.Moderation";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Reports = Meter.CreateCounter<long>(
        "friender.reports", unit: "{report}", description: "Reports sent, by category and by whether they count toward hiding.");

    private static readonly Counter<long> Actions = Meter.CreateCounter<long>(
        "friender.moderation.actions", unit: "{action}", description: "Moderator actions, by kind.");

    private static readonly Counter<long> Hides = Meter.CreateCounter<long>(
        "friender.moderation.hides", unit: "{hide}", description: "People and photos hidden by reports until a moderator decides.");

    public static void Reported(ReportCategory category, bool counts) =>
        Reports.Add(1, new KeyValuePair<string, object?>("category", category.ToString()), new KeyValuePair<string, object?>("counts", counts));

    public static void Acted(ModerationActionKind kind) => Actions.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public static void Hid(string what) => Hides.Add(1, new KeyValuePair<string, object?>("what", what));
}
