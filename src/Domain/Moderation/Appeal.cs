using Friender.Domain.Common;

namespace Friender.Domain.Moderation;

/// <summary>What the person says against one action taken on them (a warning, suspension or ban): one per action.</summary>
public sealed class Appeal
{
    public static readonly string TextTooLong = $"Say it in at most {ModerationRules.AppealMaxLength} characters.";

    public const string TextMissing = "Say why the decision was wrong.";

    private Appeal()
    {
    }

    public Guid Id { get; private set; }

    public Guid ActionId { get; private set; }

    public Guid UserId { get; private set; }

    public string Text { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool? Granted { get; private set; }

    /// <summary>Only the person an action was taken on appeals it, and only warnings, suspensions and bans.</summary>
    public static bool CanAppeal(ModerationActionKind kind) =>
        kind is ModerationActionKind.Warn or ModerationActionKind.Suspend or ModerationActionKind.Ban;

    public static Appeal Against(ModerationAction action, Guid userId, string text, DateTimeOffset now)
    {
        if (action.SubjectId != userId || !CanAppeal(action.Kind))
            throw DomainException.NotFound("That decision");
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            throw DomainException.InvalidInput(TextMissing);
        if (trimmed.Length > ModerationRules.AppealMaxLength)
            throw DomainException.InvalidInput(TextTooLong);
        return new Appeal { Id = Guid.CreateVersion7(now), ActionId = action.Id, UserId = userId, Text = trimmed, CreatedAt = now };
    }

    public void Answer(bool granted, DateTimeOffset now)
    {
        if (AnsweredAt is not null)
            throw new DomainException(DomainErrorCodes.AlreadyAnswered, "This appeal has been answered.");
        AnsweredAt = now;
        Granted = granted;
    }
}
