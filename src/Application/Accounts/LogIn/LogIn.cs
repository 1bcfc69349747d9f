using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.LogIn;

/// <param name="Username">The username or the email address of the account.</param>
public sealed record LogInCommand(string Username, string Password) : ICommand<AuthResult>, IAllowAnonymous;

public sealed class LogInValidator : AbstractValidator<LogInCommand>
{
    public LogInValidator()
    {
        RuleFor(x => x.Username).NotEmpty().WithMessage("Enter your username or email address.")
            .MaximumLength(User.EmailMaxLength).WithMessage("That is longer than any username or email address.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.")
            .MaximumLength(AccountRules.PasswordMaxLength).WithMessage("That is longer than any password.");
    }
}

public sealed class LogInHandler(
    IAppDbContext db,
    IPasswordHasher passwordHasher,
    ILoginThrottle throttle,
    ICurrentUser caller,
    SessionIssuer sessions)
    : ICommandHandler<LogInCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(LogInCommand command, CancellationToken cancellationToken)
    {
        var account = command.Username.Contains('@', StringComparison.Ordinal)
            ? User.NormalizeEmail(command.Username)
            : User.NormalizeUsername(command.Username);

        var verdict = await throttle.RegisterAttemptAsync(account, caller.IpAddress, cancellationToken);
        if (!verdict.Allowed)
            throw new RateLimitedException(verdict.RetryAfter);

        var user = await db.Users.SingleOrDefaultAsync(
            candidate => candidate.Username == account || candidate.NormalizedEmail == account, cancellationToken);

        var check = passwordHasher.Verify(user?.PasswordHash, command.Password);
        if (user is null || check == PasswordCheck.Failed)
            throw new AppException(ErrorCodes.InvalidCredentials, "The username or password is wrong.");

        if (check == PasswordCheck.SucceededButRehashNeeded)
            user.ReplacePasswordHash(passwordHasher.Hash(command.Password));

        var result = await sessions.StartAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await throttle.RegisterSuccessAsync(account, caller.IpAddress, cancellationToken);
        return result;
    }
}
