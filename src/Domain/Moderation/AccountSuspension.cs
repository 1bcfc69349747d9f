using System.Linq.Expressions;

namespace Friender.Domain.Moderation;

/// <summary>
/// An account that may not be used: until a time (a suspension) or for good (a ban, <see cref="Until"/> null). While it
/// holds, its tokens, refreshes and log-ins are refused with ACCOUNT_SUSPENDED, it is hidden from every deck, and its
/// matches are frozen for the other side.
/// </summary>
public sealed class AccountSuspension
{
    private AccountSuspension()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>The action that suspended the account (the one an appeal is about).</summary>
    public Guid ActionId { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    /// <summary>The moderator's reason, which the person is shown.</summary>
    public string Reason { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsBan => Until is null;

    public bool InForce(DateTimeOffset now) => Until is not { } until || until > now;

    /// <summary>
    /// The suspensions that have run out at <paramref name="now"/> (not <see cref="InForce"/>), as a query the database
    /// can answer, for the sweep that restores them.
    /// </summary>
    public static Expression<Func<AccountSuspension, bool>> EndedBy(DateTimeOffset now) => suspension => suspension.Until != null && suspension.Until <= now;

    /// <summary>A later suspension or ban of the same account replaces this one.</summary>
    public void Renew(ModerationAction action)
    {
        var renewed = From(action);
        ActionId = renewed.ActionId;
        Until = renewed.Until;
        Reason = renewed.Reason;
        CreatedAt = renewed.CreatedAt;
    }

    public static AccountSuspension From(ModerationAction action) => action.Kind switch
    {
        ModerationActionKind.Suspend or ModerationActionKind.Ban => new AccountSuspension
        {
            UserId = action.SubjectId,
            ActionId = action.Id,
            Until = action.Kind == ModerationActionKind.Ban ? null : action.Until,
            Reason = action.Reason,
            CreatedAt = action.CreatedAt,
        },
        _ => throw new ArgumentException("Only a suspension or a ban suspends an account.", nameof(action)),
    };
}
