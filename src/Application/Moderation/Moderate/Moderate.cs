using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Application.Moderation.Common;
using Friender.Application.Photos.Common;
using Friender.Domain.Moderation;
using Friender.Domain.Photos;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.Moderate;

/// <param name="UserId">The person acted on.</param>
/// <param name="ReportIds">The open reports about them that this decides; none means all of them (for REMOVE_PHOTO, all about the photo).</param>
/// <param name="Until">When a suspension ends.</param>
/// <param name="PhotoId">The photo to remove.</param>
public sealed record ModerateCommand(
    Guid UserId,
    ModerationActionKind Action,
    [property: MultiLineText] string Reason,
    IReadOnlyList<Guid>? ReportIds = null,
    DateTimeOffset? Until = null,
    Guid? PhotoId = null) : ICommand<ModerationAction>, IModerationRequest;

public sealed class ModerateValidator : AbstractValidator<ModerateCommand>
{
    public ModerateValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("Say whom this is about.");
        RuleFor(x => x.Action).IsInEnum().NotEqual(ModerationActionKind.AnswerAppeal)
            .WithMessage("That is not an action to take here (appeals are answered with answerAppeal).");
        RuleFor(x => x.Reason).SetValidator(new ModerationReasonValidator());
        RuleFor(x => x.Until).NotNull().When(x => x.Action == ModerationActionKind.Suspend).WithMessage("Say when the suspension ends.");
        RuleFor(x => x.PhotoId).NotNull().When(x => x.Action == ModerationActionKind.RemovePhoto).WithMessage("Say which photo to remove.");
        RuleFor(x => x.ReportIds).Must(ids => ids is null || ids.Count <= 500).WithMessage("Decide at most 500 reports at once.");
    }
}

/// <summary>
/// The Domain's rule for a moderator's reason (ModerationAction.Record), checked before the use case runs too so that
/// the answer names the field; moderate and answerAppeal share it.
/// </summary>
internal sealed class ModerationReasonValidator : AbstractValidator<string>
{
    public ModerationReasonValidator()
    {
        RuleFor(reason => reason).Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(ModerationRules.ReasonMissing)
            .Must(reason => reason is null || reason.Trim().Length <= ModerationRules.ReasonMaxLength).WithMessage(ModerationRules.ReasonTooLong);
    }
}

/// <summary>
/// One moderator action, in one transaction with its audit record: the reports it decides are closed, and what it does
/// takes effect (a suspension or ban on every replica at once, through the event AccountStanding publishes).
/// </summary>
public sealed class ModerateHandler(
    IAppDbContext db, ICurrentUser currentUser, AccountStanding standing, PhotoObjectDeleter objects, TimeProvider clock)
    : ICommandHandler<ModerateCommand, ModerationAction>
{
    public async ValueTask<ModerationAction> Handle(ModerateCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var now = clock.GetUtcNow();
        var moderatorName = await db.Users.Where(user => user.Id == me).Select(user => user.Username).SingleAsync(cancellationToken);
        var subject = await db.Users.SingleOrDefaultAsync(user => user.Id == command.UserId, cancellationToken);

        var reports = db.Reports.Where(report => report.ReportedId == command.UserId && report.ResolvedAt == null);
        if (command.ReportIds is { Count: > 0 } ids)
            reports = reports.Where(report => ids.Contains(report.Id));
        else if (command.Action == ModerationActionKind.RemovePhoto)
            reports = reports.Where(report => report.PhotoId == command.PhotoId);
        else if (command.Action == ModerationActionKind.Lift)
            reports = reports.Where(_ => false);
        var decided = await reports.ToListAsync(cancellationToken);
        if (command.ReportIds is { Count: > 0 } asked && decided.Count != asked.Distinct().Count())
            throw new NotFoundException("One of those open reports");

        var action = ModerationAction.Record(
            me, moderatorName, command.UserId, command.Action, command.Reason, decided.Select(report => report.Id).ToList(), now,
            command.Until, command.PhotoId);
        if (subject is null && command.Action != ModerationActionKind.Dismiss)
            throw new NotFoundException("That person");

        PhotoObjectDeletion? deletion = null;
        switch (command.Action)
        {
            case ModerationActionKind.Dismiss:
            case ModerationActionKind.Warn:
                await UnhideAsync(command.UserId, now, cancellationToken);
                if (command.Action == ModerationActionKind.Warn)
                    db.ModerationWarnings.Add(ModerationWarning.From(action));
                break;
            case ModerationActionKind.Suspend:
            case ModerationActionKind.Ban:
                await standing.SuspendAsync(action, subject!.Email, cancellationToken);
                break;
            case ModerationActionKind.RemovePhoto:
                deletion = await RemovePhotoAsync(command.UserId, command.PhotoId!.Value, now, cancellationToken);
                break;
            case ModerationActionKind.Lift:
                var suspension = await db.AccountSuspensions.SingleOrDefaultAsync(candidate => candidate.UserId == command.UserId, cancellationToken)
                    ?? throw new NotFoundException("A suspension of that person");
                await standing.RestoreAsync(suspension, cancellationToken);
                break;
        }

        foreach (var report in decided)
            report.Resolve(action.Id, now);
        db.ModerationActions.Add(action);
        if (deletion is null)
            await db.SaveChangesAsync(cancellationToken);
        else
            await db.SaveAlbumAsync(cancellationToken);
        ModerationMetrics.Acted(action.Kind);

        if (deletion is not null)
            await objects.DeleteAsync([deletion], cancellationToken);
        return action;
    }

    /// <summary>The reports did not hold up: back in decks (unless suspended), and photos hidden by reports shown again.</summary>
    private async Task UnhideAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suspended = await db.AccountSuspensions.AnyAsync(suspension => suspension.UserId == userId, cancellationToken);
        if (!suspended)
            (await db.Profiles.SingleOrDefaultAsync(profile => profile.UserId == userId, cancellationToken))?.Unhide(now);
        foreach (var photo in await db.Photos.Where(photo => photo.UserId == userId && photo.HiddenAt != null).ToListAsync(cancellationToken))
            photo.Unhide();
    }

    private async Task<PhotoObjectDeletion> RemovePhotoAsync(Guid userId, Guid photoId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var album = await db.LoadAsync(userId, cancellationToken);
        var photo = album.Photos.SingleOrDefault(candidate => candidate.Id == photoId) ?? throw new NotFoundException("That photo");
        var deletion = album.Remove(photoId, now);
        db.Photos.Remove(photo);
        db.PhotoObjectDeletions.Add(deletion);
        return deletion;
    }
}
