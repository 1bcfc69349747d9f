using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Application.Matching.Common;
using Friender.Domain.Matching;
using Mediator;

namespace Friender.Application.Matching.ReportUser;

public sealed record ReportUserCommand(Guid UserId, [property: MultiLineText] string Reason) : ICommand<ReportUserResult>;

public sealed record ReportUserResult(Guid ReportId, Guid BlockedUserId);

public sealed class ReportUserValidator : AbstractValidator<ReportUserCommand>
{
    public ReportUserValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("Say whom you are reporting.");
        RuleFor(x => x.Reason).Must(reason => reason?.Trim().Length is > 0 and <= Report.ReasonMaxLength)
            .WithMessage($"Say what happened in 1-{Report.ReasonMaxLength} characters.");
    }
}

public sealed class ReportUserHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReportUserCommand, ReportUserResult>
{
    public async ValueTask<ReportUserResult> Handle(ReportUserCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        await Blocking.EnsureSomeoneElseAsync(db, me, command.UserId, "report", cancellationToken);

        var now = clock.GetUtcNow();
        var report = Report.Create(me, command.UserId, command.Reason, now);
        db.Reports.Add(report);
        await Blocking.BlockAsync(db, me, command.UserId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "You blocked this person at the same moment; send the report again.");
        }

        return new ReportUserResult(report.Id, command.UserId);
    }
}
