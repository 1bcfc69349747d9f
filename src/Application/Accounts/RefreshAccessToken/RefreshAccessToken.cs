using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Friender.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.RefreshAccessToken;

public sealed record RefreshAccessTokenCommand(string RefreshToken) : ICommand<AuthResult>, IAllowAnonymous, IAllowSuspended;

public sealed class RefreshAccessTokenValidator : AbstractValidator<RefreshAccessTokenCommand>
{
    public RefreshAccessTokenValidator() =>
        RuleFor(x => x.RefreshToken).NotEmpty().WithMessage("Send the refresh token you were given.")
            .MaximumLength(200).WithMessage("That is not a refresh token.");
}

public sealed class RefreshAccessTokenHandler(IAppDbContext db, SessionIssuer sessions, AccountStanding standing, TimeProvider clock)
    : ICommandHandler<RefreshAccessTokenCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(RefreshAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenSecret.HashOf(command.RefreshToken);
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw Invalid("This refresh token is not valid. Log in again.");

        var now = clock.GetUtcNow();
        if (token.WasRotated)
        {
            await FamilyRevocation.RevokeAsync(db, token.FamilyId, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request replaying the same token revoked the family first.
            }

            throw Invalid("This refresh token was already used, so every session that came from it has ended. Log in again.");
        }

        if (!token.IsActive(now))
            throw Invalid("This refresh token has expired or was revoked. Log in again.");

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken)
            ?? throw Invalid("This refresh token is not valid. Log in again.");
        // The session survives a suspension (lifting it restores everything) but cannot be continued during one.
        await standing.EnsureNotSuspendedAsync(user.Id, cancellationToken);

        var result = await sessions.ContinueAsync(user, token, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Invalid("This refresh token was used by another request at the same time. Log in again.");
        }

        return result;
    }

    private static AppException Invalid(string message) => new(DomainErrorCodes.InvalidRefreshToken, message);
}
