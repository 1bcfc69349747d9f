using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.Common;

/// <summary>
/// A username (or email address) and password checked as logIn checks them: counted by the login throttle first, and
/// the same INVALID_CREDENTIALS whether the account or the password is wrong.
/// </summary>
public sealed class Credentials(IAppDbContext db, IPasswordHasher passwordHasher, ILoginThrottle throttle, ICurrentUser caller)
{
    public async Task<(User User, PasswordCheck Check, string Account)> VerifyAsync(string usernameOrEmail, string password, CancellationToken cancellationToken)
    {
        var account = usernameOrEmail.Contains('@', StringComparison.Ordinal)
            ? User.NormalizeEmail(usernameOrEmail)
            : User.NormalizeUsername(usernameOrEmail);

        var verdict = await throttle.RegisterAttemptAsync(account, caller.IpAddress, cancellationToken);
        if (!verdict.Allowed)
            throw new RateLimitedException(verdict.RetryAfter);

        var user = await db.Users.SingleOrDefaultAsync(
            candidate => candidate.Username == account || candidate.NormalizedEmail == account, cancellationToken);

        var check = passwordHasher.Verify(user?.PasswordHash, password);
        if (user is null || check == PasswordCheck.Failed)
            throw new AppException(ErrorCodes.InvalidCredentials, "The username or password is wrong.");
        return (user, check, account);
    }
}
