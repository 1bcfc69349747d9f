using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Friender.Application.Realtime;
using Friender.Domain.Photos;
using Friender.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.DeleteAccount;

public sealed record DeleteAccountCommand : ICommand<DeleteAccountResult>;

public sealed record DeleteAccountResult(bool Deleted);

/// <summary>
/// Deletes the account after a fresh login, in one transaction: the user row and, by cascade, the profile, photos'
/// rows, sessions, swipes, blocks, reports, and every match with its messages, so the other side's match ends too.
/// The photo objects are queued for deletion in the same transaction and deleted from storage right after (the
/// sweeper retries any that storage refuses). From the commit on, no access token of the account authenticates, and
/// every socket it holds, on any replica, closes with 4403.
/// </summary>
public sealed class DeleteAccountHandler(
    IAppDbContext db, ICurrentUser currentUser, IAccessTokenIssuer tokens, PhotoObjectDeleter objects, TimeProvider clock)
    : ICommandHandler<DeleteAccountCommand, DeleteAccountResult>
{
    public async ValueTask<DeleteAccountResult> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        FreshLogin.Ensure(currentUser, clock);
        var userId = currentUser.Id!.Value;
        var now = clock.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(candidate => candidate.Id == userId, cancellationToken)
            ?? throw new UnauthenticatedException();
        var photos = await db.Photos.Where(photo => photo.UserId == userId).ToListAsync(cancellationToken);
        var deletions = photos.Select(photo => PhotoObjectDeletion.For(photo, now)).ToList();
        db.PhotoObjectDeletions.AddRange(deletions);
        db.Users.Remove(user);
        // Its tokens carry no sign of the deletion: they are refused by account until the last of them expires, and
        // every replica hears of it in this transaction.
        db.RevokedAccounts.Add(RevokedAccount.For(userId, tokens.AcceptedUntil(now)));
        db.PublishOnCommit(AccessTokenRevokedEvent.Everywhere(userId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception race) when (race is DbUpdateConcurrencyException or UniqueConstraintViolationException)
        {
            // Another request deleted the account (and queued its photos) first.
            return new DeleteAccountResult(true);
        }

        await objects.DeleteAsync(deletions, cancellationToken);
        return new DeleteAccountResult(true);
    }
}
