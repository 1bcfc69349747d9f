using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.ChangePassword;

public sealed record ChangePasswordCommand(string NewPassword) : ICommand<AuthResult>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator() => RuleFor(x => x.NewPassword).ValidNewPassword();
}

/// <summary>
/// Replaces the password after a fresh login, ends every session of the account (no refresh token of before works
/// again) and starts a new one for the caller, whose tokens the payload carries.
/// </summary>
public sealed class ChangePasswordHandler(
    IAppDbContext db, ICurrentUser currentUser, IPasswordHasher passwordHasher, SessionIssuer sessions, TimeProvider clock)
    : ICommandHandler<ChangePasswordCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        FreshLogin.Ensure(currentUser, clock);
        var now = clock.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(candidate => candidate.Id == currentUser.Id, cancellationToken)
            ?? throw new UnauthenticatedException();
        user.ReplacePasswordHash(passwordHasher.Hash(command.NewPassword));

        var live = await db.RefreshTokens.Where(token => token.UserId == user.Id && token.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in live)
            token.Revoke(now);

        var result = await sessions.StartAsync(user, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception race) when (race is DbUpdateConcurrencyException or UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "Your sessions were changed by another request at the same time; try again.");
        }

        return result;
    }
}
