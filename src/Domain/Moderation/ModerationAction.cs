using Friender.Domain.Common;

namespace Friender.Domain.Moderation;

/// <summary>
/// One moderator action, as the audit trail keeps it for good: who, when, what, about whom, why, and the reports it
/// decided. Never changed or deleted; the database role the API runs as cannot (ADR 0032). Ids only, no foreign keys:
/// the record outlives both accounts.
/// </summary>
public sealed class ModerationAction
{
    private ModerationAction()
    {
    }

    public Guid Id { get; private set; }

    public Guid ModeratorId { get; private set; }

    /// <summary>The moderator's username at the time, so the record reads the same after their account is gone.</summary>
    public string ModeratorUsername { get; private set; } = null!;

    public Guid SubjectId { get; private set; }

    public ModerationActionKind Kind { get; private set; }

    public string Reason { get; private set; } = null!;

    public IReadOnlyList<Guid> ReportIds { get; private set; } = [];

    /// <summary>The end of a suspension.</summary>
    public DateTimeOffset? Until { get; private set; }

    /// <summary>The photo removed.</summary>
    public Guid? PhotoId { get; private set; }

    /// <summary>The appeal answered, and whether it was granted.</summary>
    public Guid? AppealId { get; private set; }

    public bool? Granted { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static ModerationAction Record(
        Guid moderatorId, string moderatorUsername, Guid subjectId, ModerationActionKind kind, string? reason,
        IReadOnlyList<Guid> reportIds, DateTimeOffset now,
        DateTimeOffset? until = null, Guid? photoId = null, Guid? appealId = null, bool? granted = null)
    {
        if (moderatorId == subjectId)
            throw DomainException.NotAllowed("Moderators cannot act on their own account or on reports about themselves.");
        if (!Enum.IsDefined(kind))
            throw DomainException.InvalidInput("That is not a moderation action.");
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw DomainException.InvalidInput(ModerationRules.ReasonMissing);
        if (trimmed.Length > ModerationRules.ReasonMaxLength)
            throw DomainException.InvalidInput(ModerationRules.ReasonTooLong);
        if (kind == ModerationActionKind.Suspend)
            EnsureSuspensionEnd(until, now);
        if (kind == ModerationActionKind.RemovePhoto && photoId is null)
            throw DomainException.InvalidInput("Say which photo to remove.");

        return new ModerationAction
        {
            Id = Guid.CreateVersion7(now),
            ModeratorId = moderatorId,
            ModeratorUsername = moderatorUsername,
            SubjectId = subjectId,
            Kind = kind,
            Reason = trimmed,
            ReportIds = reportIds.Distinct().ToArray(),
            Until = kind == ModerationActionKind.Suspend ? until : null,
            PhotoId = kind == ModerationActionKind.RemovePhoto ? photoId : null,
            AppealId = appealId,
            Granted = granted,
            CreatedAt = now,
        };
    }

    /// <summary>A suspension ends in the future, within <see cref="ModerationRules.LongestSuspension"/>.</summary>
    public static void EnsureSuspensionEnd(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until is not { } end || end <= now)
            throw DomainException.InvalidInput("A suspension ends at a time in the future.");
        if (end - now > ModerationRules.LongestSuspension)
            throw DomainException.InvalidInput($"A suspension lasts at most {ModerationRules.LongestSuspension.TotalDays:0} days; longer is a ban.");
    }
}
