using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Realtime;
using Friender.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.Common;

/// <summary>
/// Whether an account may be used, and what suspending or restoring one changes: the suspension row, the person's place
/// in decks, their matches (frozen for the other side) and, through one event, every replica's token check and every
/// socket the account holds. Changes are staged on the context; the caller saves them in one transaction.
/// </summary>
public sealed class AccountStanding(IAppDbContext db, TimeProvider clock)
{
    /// <summary>ACCOUNT_SUSPENDED, with until when and why, while a suspension or ban of the account holds.</summary>
    public async Task EnsureNotSuspendedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var suspension = await db.AccountSuspensions.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
        if (suspension is not null && suspension.InForce(clock.GetUtcNow()))
            throw new AccountSuspendedException(suspension.Until, suspension.Reason);
    }

    public async Task SuspendAsync(ModerationAction action, string email, CancellationToken cancellationToken)
    {
        var userId = action.SubjectId;
        var existing = await db.AccountSuspensions.SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
        if (existing is null)
            db.AccountSuspensions.Add(AccountSuspension.From(action));
        else
            existing.Renew(action);

        if (action.Kind == ModerationActionKind.Ban)
        {
            var hash = BannedEmail.Hash(email);
            if (!await db.BannedEmails.AnyAsync(banned => banned.EmailHash == hash, cancellationToken))
                db.BannedEmails.Add(BannedEmail.For(email, action));
        }

        var now = action.CreatedAt;
        (await db.Profiles.SingleOrDefaultAsync(profile => profile.UserId == userId, cancellationToken))?.Hide(now);
        var matches = await db.Matches
            .Where(match => (match.UserLowId == userId || match.UserHighId == userId) && match.EndedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var match in matches)
            match.Freeze(now);
        db.PublishOnCommit(AccessTokenRevokedEvent.Suspension(userId));
    }

    /// <summary>Ends a suspension or ban: back in decks, matches open again where the other side is not suspended too.</summary>
    public async Task RestoreAsync(AccountSuspension suspension, CancellationToken cancellationToken)
    {
        var userId = suspension.UserId;
        db.AccountSuspensions.Remove(suspension);
        // The address's ban, whichever ban put it on the list (a ban renewed by a later one keeps the first entry).
        var email = await db.Users.Where(user => user.Id == userId).Select(user => user.Email).SingleOrDefaultAsync(cancellationToken);
        var hash = email is null ? null : BannedEmail.Hash(email);
        var bans = await db.BannedEmails.Where(banned => banned.ActionId == suspension.ActionId || banned.EmailHash == hash).ToListAsync(cancellationToken);
        db.BannedEmails.RemoveRange(bans);

        var now = clock.GetUtcNow();
        (await db.Profiles.SingleOrDefaultAsync(profile => profile.UserId == userId, cancellationToken))?.Unhide(now);
        var matches = await db.Matches
            .Where(match => (match.UserLowId == userId || match.UserHighId == userId) && match.EndedAt == null && match.FrozenAt != null)
            .Where(match => !db.AccountSuspensions.Any(other => other.UserId != userId && (other.UserId == match.UserLowId || other.UserId == match.UserHighId)))
            .ToListAsync(cancellationToken);
        foreach (var match in matches)
            match.Thaw();
        db.PublishOnCommit(AccessTokenRevokedEvent.Restoration(userId));
    }
}
