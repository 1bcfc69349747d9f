namespace Friender.Domain.Moderation;

/// <summary>A warning a moderator gave: shown at the person's next app open until they acknowledge it.</summary>
public sealed class ModerationWarning
{
    private ModerationWarning()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid ActionId { get; private set; }

    public string Reason { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public static ModerationWarning From(ModerationAction warn) => warn.Kind == ModerationActionKind.Warn
        ? new ModerationWarning { Id = warn.Id, UserId = warn.SubjectId, ActionId = warn.Id, Reason = warn.Reason, CreatedAt = warn.CreatedAt }
        : throw new ArgumentException("Only a warning warns.", nameof(warn));

    public void Acknowledge(DateTimeOffset now) => AcknowledgedAt ??= now;
}
