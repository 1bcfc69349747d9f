using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Realtime;
using Friender.Domain.Common;
using Friender.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.LogOut;

public sealed record LogOutCommand(string RefreshToken) : ICommand<LogOutResult>, IAllowSuspended;

public sealed record LogOutResult(bool LoggedOut);

public sealed class LogOutValidator : AbstractValidator<LogOutCommand>
{
    public LogOutValidator() =>
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("Send the refresh token of the session to end.")
            .MaximumLength(200).WithMessage("That is not a refresh token.");
}

public sealed class LogOutHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<LogOutCommand, LogOutResult>
{
    public async ValueTask<LogOutResult> Handle(LogOutCommand command, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenSecret.HashOf(command.RefreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(
                t => t.TokenHash == hash && t.UserId == currentUser.Id, cancellationToken)
            ?? throw new AppException(DomainErrorCodes.InvalidRefreshToken, "That refresh token is not one of your sessions.");

        await FamilyRevocation.RevokeAsync(db, token.FamilyId, clock.GetUtcNow(), cancellationToken);

        if (currentUser is { AccessTokenId: { } tokenId, AccessTokenExpiresAt: { } expiresAt }
            && !await db.RevokedAccessTokens.AnyAsync(revoked => revoked.TokenId == tokenId, cancellationToken))
        {
            db.RevokedAccessTokens.Add(RevokedAccessToken.For(tokenId, expiresAt));
        }

        // In the transaction that stores the revocation: every replica's memory of revocations, and the sockets
        // opened with this token, hear of it if and only if it is stored.
        if (currentUser is { Id: { } userId, AccessTokenId: { } revokedId })
            db.PublishOnCommit(new AccessTokenRevokedEvent(userId, revokedId));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception race) when (race is DbUpdateConcurrencyException or UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "This session was changed by another request at the same time; try again.");
        }

        return new LogOutResult(true);
    }
}
