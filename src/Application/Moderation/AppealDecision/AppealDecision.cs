using FluentValidation;
using Friender.Application.Accounts.Common;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.AppealDecision;

public sealed record AppealResult(Guid AppealId, Guid ActionId, string Confirmation);

/// <summary>Appeals a warning (or any decision about the caller), logged in.</summary>
public sealed record AppealDecisionCommand(Guid ActionId, [property: MultiLineText] string Text) : ICommand<AppealResult>;

/// <summary>
/// Appeals the suspension or ban in force, by someone who cannot log in because of it: the username and password are
/// checked as logIn checks them.
/// </summary>
public sealed record AppealSuspensionCommand(string Username, string Password, [property: MultiLineText] string Text)
    : ICommand<AppealResult>, IAllowAnonymous, IAllowSuspended;

public sealed class AppealDecisionValidator : AbstractValidator<AppealDecisionCommand>
{
    public AppealDecisionValidator()
    {
        RuleFor(x => x.ActionId).NotEmpty().WithMessage("Say which decision you appeal.");
        RuleFor(x => x.Text).SetValidator(new AppealTextValidator());
    }
}

public sealed class AppealSuspensionValidator : AbstractValidator<AppealSuspensionCommand>
{
    public AppealSuspensionValidator()
    {
        RuleFor(x => x.Username).NotEmpty().WithMessage("Enter your username or email address.").MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(AccountRules.PasswordMaxLength);
        RuleFor(x => x.Text).SetValidator(new AppealTextValidator());
    }
}

/// <summary>The Domain's rule for an appeal's words (Appeal.Against), here so that the answer names the field.</summary>
internal sealed class AppealTextValidator : AbstractValidator<string>
{
    public AppealTextValidator()
    {
        RuleFor(text => text).Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(Appeal.TextMissing)
            .Must(text => text is null || text.Trim().Length <= ModerationRules.AppealMaxLength).WithMessage(Appeal.TextTooLong);
    }
}

internal static class Appealing
{
    public static async Task<AppealResult> AppealAsync(IAppDbContext db, Guid userId, Guid actionId, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var action = await db.ModerationActions.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == actionId, cancellationToken)
            ?? throw new NotFoundException("That decision");
        var appeal = Appeal.Against(action, userId, text, now);
        if (await db.Appeals.AnyAsync(existing => existing.ActionId == actionId, cancellationToken))
            throw AlreadyAppealed();
        db.Appeals.Add(appeal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException race) when (race.ConstraintName == ConstraintNames.AppealActionUnique)
        {
            throw AlreadyAppealed();
        }

        return new AppealResult(appeal.Id, actionId, "Your appeal is with Friender's moderators. A different moderator reads it when they can.");
    }

    private static AppException AlreadyAppealed() => new(ErrorCodes.AlreadyAppealed, "You have already appealed this decision; each decision takes one appeal.");
}

public sealed class AppealDecisionHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<AppealDecisionCommand, AppealResult>
{
    public async ValueTask<AppealResult> Handle(AppealDecisionCommand command, CancellationToken cancellationToken) =>
        await Appealing.AppealAsync(db, currentUser.Id!.Value, command.ActionId, command.Text, clock.GetUtcNow(), cancellationToken);
}

public sealed class AppealSuspensionHandler(IAppDbContext db, Credentials credentials, TimeProvider clock)
    : ICommandHandler<AppealSuspensionCommand, AppealResult>
{
    public async ValueTask<AppealResult> Handle(AppealSuspensionCommand command, CancellationToken cancellationToken)
    {
        var (user, _, _) = await credentials.VerifyAsync(command.Username, command.Password, cancellationToken);
        var now = clock.GetUtcNow();
        var suspension = await db.AccountSuspensions.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == user.Id, cancellationToken);
        if (suspension is null || !suspension.InForce(now))
            throw new AppException(ErrorCodes.BadUserInput, "This account is not suspended: log in instead.");
        return await Appealing.AppealAsync(db, user.Id, suspension.ActionId, command.Text, now, cancellationToken);
    }
}
