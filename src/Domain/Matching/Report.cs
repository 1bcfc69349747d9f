using Friender.Domain.Common;

namespace Friender.Domain.Matching;

/// <summary>
/// A report for moderators: a category, optional details, optionally the one photo or message it is about. Blocking
/// the person is the reporter's choice, kept with the report.
/// </summary>
public sealed class Report
{
    public const int ReasonMaxLength = 1000;

    public static readonly string ReasonTooLong = $"Say what happened in at most {ReasonMaxLength} characters.";

    public const string ReasonMissing = "Say what happened: a report of another kind needs a few words.";

    public const string UnknownCategory = "That is not a kind of report.";

    public const string PhotoAndMessage = "Report one photo or one message at a time.";

    /// <summary>Only a report of another kind (<see cref="ReportCategory.Other"/>) needs the reporter's words.</summary>
    public static bool NeedsReason(ReportCategory category) => category == ReportCategory.Other;

    private Report()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public Guid ReportedId { get; private set; }

    public ReportCategory Category { get; private set; }

    /// <summary>The reporter's own words; optional except for <see cref="ReportCategory.Other"/>.</summary>
    public string? Reason { get; private set; }

    public Guid? PhotoId { get; private set; }

    public Guid? MessageId { get; private set; }

    public bool BlockedReported { get; private set; }

    /// <summary>Whether the reporter had met the person when reporting (<see cref="Moderation.ModerationRules.Counts"/>).</summary>
    public bool Counts { get; private set; }

    /// <summary>
    /// The reported message and up to <see cref="MessagesAround"/> messages either side of it, copied when reported, so
    /// the evidence outlives the conversation (the reporter took part in it: nobody else's messages are copied).
    /// </summary>
    public IReadOnlyList<ReportedMessage> Conversation { get; private set; } = [];

    /// <summary>
    /// Where the copy of the reported photo is kept in storage (<see cref="EvidenceKeyFor"/>), so the evidence outlives
    /// the photo; null when there is no photo, the copy failed, or the retention has passed.
    /// </summary>
    public string? EvidencePhotoKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a moderator decided it, and by which action (the audit trail's).</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? ResolvedByActionId { get; private set; }

    public const int MessagesAround = 3;

    public bool IsOpen => ResolvedAt is null;

    /// <summary>The storage key of a reported photo's kept copy: outside every person's photos, so no deletion reaches it.</summary>
    public static string EvidenceKeyFor(Guid reportId) => $"evidence/{reportId}";

    public void KeepPhotoCopy() => EvidencePhotoKey = PhotoId is null ? null : EvidenceKeyFor(Id);

    public void ForgetPhotoCopy() => EvidencePhotoKey = null;

    public void Resolve(Guid actionId, DateTimeOffset now)
    {
        if (ResolvedAt is not null)
            return;
        ResolvedAt = now;
        ResolvedByActionId = actionId;
    }

    public static Report Create(
        Guid reporterId, Guid reportedId, ReportCategory category, string? reason, DateTimeOffset now,
        Guid? photoId = null, Guid? messageId = null, bool block = true, bool counts = false,
        IReadOnlyList<ReportedMessage>? conversation = null)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed is { Length: > ReasonMaxLength })
            throw DomainException.InvalidInput(ReasonTooLong);
        if (trimmed is null && NeedsReason(category))
            throw DomainException.InvalidInput(ReasonMissing);
        if (!Enum.IsDefined(category))
            throw DomainException.InvalidInput(UnknownCategory);
        if (reporterId == reportedId)
            throw DomainException.InvalidInput("You cannot report yourself.");
        if (photoId is not null && messageId is not null)
            throw DomainException.InvalidInput(PhotoAndMessage);

        return new Report
        {
            Id = Guid.CreateVersion7(now),
            ReporterId = reporterId,
            ReportedId = reportedId,
            Category = category,
            Reason = trimmed,
            PhotoId = photoId,
            MessageId = messageId,
            BlockedReported = block,
            Counts = counts,
            Conversation = messageId is null ? [] : conversation ?? [],
            CreatedAt = now,
        };
    }
}

/// <summary>A message as a report keeps it.</summary>
public sealed record ReportedMessage(Guid Id, Guid SenderId, string Body, DateTimeOffset SentAt);
