namespace Friender.Domain.Moderation;

/// <summary>
/// When reports protect people without a moderator: only reports from people who met the reported person count (they
/// answered them in discovery or matched them), so accounts made to gang up on someone hide nobody; enough of those,
/// from different people within a window, hide the person (or the photo) until a moderator decides.
/// </summary>
public static class ModerationRules
{
    /// <summary>How many different people who met someone must report them (or one photo of theirs) to hide it; the default of a setting.</summary>
    public const int DefaultReportsToHide = 3;

    /// <summary>How far back reports count toward hiding someone.</summary>
    public static readonly TimeSpan ReportWindow = TimeSpan.FromDays(7);

    public const int ReasonMaxLength = 1000;

    public const int AppealMaxLength = 2000;

    /// <summary>The longest suspension; longer than that is a ban, which a moderator says as such.</summary>
    public static readonly TimeSpan LongestSuspension = TimeSpan.FromDays(365);

    public const string ReasonMissing = "Say why: every moderation action is recorded with its reason.";

    public static readonly string ReasonTooLong = $"Say why in at most {ReasonMaxLength} characters.";

    /// <summary>A report counts toward hiding only when its reporter met the person: answered them in discovery, or matched them.</summary>
    public static bool Counts(bool reporterAnsweredThem, bool reporterMatchedThem) => reporterAnsweredThem || reporterMatchedThem;

    /// <summary>Whether this many different people who met someone, reporting within <see cref="ReportWindow"/>, hide them.</summary>
    public static bool Hides(int distinctCountingReporters, int reportsToHide) => distinctCountingReporters >= reportsToHide;

    /// <summary>The start of the window of reports that count at <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now) => now - ReportWindow;
}
