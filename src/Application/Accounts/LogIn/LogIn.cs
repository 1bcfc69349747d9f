using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Friender.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.LogIn;

/// <param name="Username">The username or the email address of the account.</param>
public sealed record LogInCommand(string Username, string Password) : ICommand<AuthResult>, IAllowAnonymous, IAllowSuspended;

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
    Credentials credentials,
    SessionIssuer sessions,
    AccountStanding standing)
    : ICommandHandler<LogInCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(LogInCommand command, CancellationToken cancellationToken)
    {
        var (user, check, account) = await credentials.VerifyAsync(command.Username, command.Password, cancellationToken);

        // Only to someone who knows the password: whether an account is suspended is nobody else's business.
        await standing.EnsureNotSuspendedAsync(user.Id, cancellationToken);
        if (check == PasswordCheck.SucceededButRehashNeeded)
            user.ReplacePasswordHash(passwordHasher.Hash(command.Password));

        var result = await sessions.StartAsync(user, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await throttle.RegisterSuccessAsync(account, caller.IpAddress, cancellationToken);
        return result;
    }
}
