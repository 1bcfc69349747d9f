using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Moderation;
using Friender.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.SignUp;

public sealed record SignUpCommand(string Username, string Email, string Password) : ICommand<AuthResult>, IAllowAnonymous, IAllowSuspended;

public sealed class SignUpValidator : AbstractValidator<SignUpCommand>
{
    public SignUpValidator()
    {
        RuleFor(x => x.Username).ValidUsername();
        RuleFor(x => x.Email).ValidEmail();
        RuleFor(x => x.Password).ValidNewPassword();
    }
}

public sealed class SignUpHandler(IAppDbContext db, IPasswordHasher passwordHasher, SessionIssuer sessions, TimeProvider clock)
    : ICommandHandler<SignUpCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var username = User.NormalizeUsername(command.Username);
        var normalizedEmail = User.NormalizeEmail(command.Email);

        // First: a banned address is refused as such, whether or not its account is still there.
        var emailHash = BannedEmail.Hash(normalizedEmail);
        if (await db.BannedEmails.AnyAsync(banned => banned.EmailHash == emailHash, cancellationToken))
            throw new AccountSuspendedException(null, "an account with this email address was banned from Friender.");
        if (await db.Users.AnyAsync(user => user.Username == username, cancellationToken))
            throw UsernameTaken();
        if (await db.Users.AnyAsync(user => user.NormalizedEmail == normalizedEmail, cancellationToken))
            throw EmailTaken();

        var user = User.Register(username, command.Email, passwordHasher.Hash(command.Password), clock.GetUtcNow());
        db.Users.Add(user);
        var result = await sessions.StartAsync(user, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException race) when (race.ConstraintName == ConstraintNames.UsernameIndex)
        {
            throw UsernameTaken();
        }
        catch (UniqueConstraintViolationException race) when (race.ConstraintName == ConstraintNames.EmailIndex)
        {
            throw EmailTaken();
        }

        return result;
    }

    private static AppException UsernameTaken() =>
        new(ErrorCodes.UsernameTaken, "That username is taken. Pick another one.");

    private static AppException EmailTaken() =>
        new(ErrorCodes.EmailTaken, "An account with that email address already exists. Log in instead.");
}
