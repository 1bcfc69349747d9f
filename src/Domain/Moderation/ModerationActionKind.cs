namespace Friender.Domain.Moderation;

/// <summary>What a moderator did. Stored by name in the audit trail.</summary>
public enum ModerationActionKind
{
    /// <summary>The reports did not need action: they are closed and any hide they caused is lifted.</summary>
    Dismiss,

    /// <summary>The person is told what they did, at their next app open, until they acknowledge it.</summary>
    Warn,

    /// <summary>The person cannot use Friender until a time; their matches are frozen and they are hidden.</summary>
    Suspend,

    /// <summary>A suspension with no end; the email address cannot sign up again.</summary>
    Ban,

    /// <summary>One photo is deleted (storage too, through the deletion queue).</summary>
    RemovePhoto,

    /// <summary>A suspension or ban ends early: everything comes back.</summary>
    Lift,

    /// <summary>An appeal answered: granted (a suspension or ban is lifted with it) or refused.</summary>
    AnswerAppeal,
}
