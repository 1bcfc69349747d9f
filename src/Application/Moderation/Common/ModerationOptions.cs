using Friender.Domain.Moderation;

namespace Friender.Application.Moderation.Common;

/// <summary>Settings under <c>Moderation</c>.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>How many different people who met someone must report them within the window to hide them.</summary>
    public int ReportsToHide { get; set; } = ModerationRules.DefaultReportsToHide;

    /// <summary>How often expired suspensions are restored (the person is back in decks, their matches open).</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a report is decided the messages copied into it are kept (for appeals and repeat cases).</summary>
    public TimeSpan EvidenceRetention { get; set; } = TimeSpan.FromDays(180);
}
