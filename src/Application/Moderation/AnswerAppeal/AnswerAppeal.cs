using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Application.Moderation.Common;
using Friender.Application.Moderation.Moderate;
using Friender.Domain.Common;
using Friender.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.AnswerAppeal;

public sealed record AnswerAppealCommand(Guid AppealId, bool Grant, [property: MultiLineText] string Reason) : ICommand<AppealDto>, IModerationRequest;

public sealed class AnswerAppealValidator : AbstractValidator<AnswerAppealCommand>
{
    public AnswerAppealValidator()
    {
        RuleFor(x => x.AppealId).NotEmpty().WithMessage("Say which appeal.");
        RuleFor(x => x.Reason).SetValidator(new ModerationReasonValidator());
    }
}

/// <summary>Answers an appeal, on the audit trail; granting one against the suspension or ban in force lifts it.</summary>
public sealed class AnswerAppealHandler(IAppDbContext db, ICurrentUser currentUser, AccountStanding standing, TimeProvider clock)
    : ICommandHandler<AnswerAppealCommand, AppealDto>
{
    public async ValueTask<AppealDto> Handle(AnswerAppealCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var now = clock.GetUtcNow();
        var appeal = await db.Appeals.SingleOrDefaultAsync(candidate => candidate.Id == command.AppealId, cancellationToken)
            ?? throw new NotFoundException("That appeal");
        var appealed = await db.ModerationActions.AsNoTracking().SingleAsync(action => action.Id == appeal.ActionId, cancellationToken);
        var moderatorName = await db.Users.Where(user => user.Id == me).Select(user => user.Username).SingleAsync(cancellationToken);

        var answer = ModerationAction.Record(
            me, moderatorName, appeal.UserId, ModerationActionKind.AnswerAppeal, command.Reason, appealed.ReportIds, now,
            appealId: appeal.Id, granted: command.Grant);
        appeal.Answer(command.Grant, now);
        if (command.Grant
            && await db.AccountSuspensions.SingleOrDefaultAsync(suspension => suspension.UserId == appeal.UserId && suspension.ActionId == appealed.Id, cancellationToken)
                is { } suspension)
        {
            await standing.RestoreAsync(suspension, cancellationToken);
        }

        if (command.Grant && appealed.Kind == ModerationActionKind.Warn
            && await db.ModerationWarnings.SingleOrDefaultAsync(warning => warning.ActionId == appealed.Id, cancellationToken) is { } warning)
        {
            warning.Acknowledge(now);
        }

        db.ModerationActions.Add(answer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new AppException(DomainErrorCodes.AlreadyAnswered, "Another moderator answered this appeal at the same moment.");
        }

        ModerationMetrics.Acted(answer.Kind);
        return AppealViews.ToDto(appeal, appealed);
    }
}
