using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Application.Matching.Common;
using Friender.Application.Moderation.Common;
using Friender.Domain.Matching;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Matching.ReportUser;

/// <param name="Reason">Details in the reporter's words; optional except for <see cref="ReportCategory.Other"/>.</param>
/// <param name="PhotoId">One of the reported person's photos the report is about.</param>
/// <param name="MessageId">One of the reported person's messages to the reporter the report is about.</param>
/// <param name="Block">Also block the person (what every report did before categories).</param>
public sealed record ReportUserCommand(
    Guid UserId,
    [property: MultiLineText] string? Reason = null,
    ReportCategory Category = ReportCategory.Other,
    Guid? PhotoId = null,
    Guid? MessageId = null,
    bool Block = true) : ICommand<ReportUserResult>;

public sealed record ReportUserResult(Guid ReportId, Guid ReportedUserId, bool Blocked, string Confirmation)
{
    /// <summary>Kept from before reports had a choice to block: the person blocked, when they were.</summary>
    public Guid? BlockedUserId => Blocked ? ReportedUserId : null;
}

public sealed class ReportUserValidator : AbstractValidator<ReportUserCommand>
{
    public ReportUserValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("Say whom you are reporting.");
        // The Domain's rules (Report), checked here too so that each answer names its field.
        RuleFor(x => x.Reason).Must(reason => reason is null || reason.Trim().Length <= Report.ReasonMaxLength).WithMessage(Report.ReasonTooLong);
        RuleFor(x => x.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason)).When(x => Report.NeedsReason(x.Category))
            .WithMessage(Report.ReasonMissing);
        RuleFor(x => x.Category).IsInEnum().WithMessage(Report.UnknownCategory);
        RuleFor(x => x.MessageId).Null().When(x => x.PhotoId is not null).WithMessage(Report.PhotoAndMessage);
    }
}

public sealed class ReportUserHandler(IAppDbContext db, ICurrentUser currentUser, ReportHiding hiding, PhotoEvidence photos, TimeProvider clock)
    : ICommandHandler<ReportUserCommand, ReportUserResult>
{
    public async ValueTask<ReportUserResult> Handle(ReportUserCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        await Blocking.EnsureSomeoneElseAsync(db, me, command.UserId, "report", cancellationToken);
        await EnsureEvidenceIsTheirsAsync(me, command, cancellationToken);

        var now = clock.GetUtcNow();
        // Asked before the block below ends a match: meeting is what makes the report count toward hiding them.
        var counts = await hiding.MetAsync(me, command.UserId, cancellationToken);
        var conversation = command.MessageId is { } messageId ? await AroundAsync(messageId, cancellationToken) : null;
        var report = Report.Create(
            me, command.UserId, command.Category, command.Reason, now, command.PhotoId, command.MessageId, command.Block, counts, conversation);
        db.Reports.Add(report);
        if (command.Block)
            await Blocking.BlockAsync(db, me, command.UserId, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "You blocked this person at the same moment; send the report again.");
        }

        ModerationMetrics.Reported(report.Category, report.Counts);
        await hiding.ApplyAsync(report, cancellationToken);
        await photos.KeepAsync(report, cancellationToken);

        var confirmation = command.Block
            ? "Thanks for telling us. Your report is kept for Friender's moderators, and you will not see each other again."
            : "Thanks for telling us. Your report is kept for Friender's moderators.";
        return new ReportUserResult(report.Id, command.UserId, command.Block, confirmation);
    }

    /// <summary>The reported message and a few either side of it in the same conversation (the reporter's), as kept evidence.</summary>
    private async Task<IReadOnlyList<ReportedMessage>> AroundAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var reported = await db.Messages.AsNoTracking().SingleAsync(message => message.Id == messageId, cancellationToken);
        var conversation = db.Messages.AsNoTracking().Where(message => message.MatchId == reported.MatchId);
        var before = await conversation.Where(message => message.SentAt < reported.SentAt || (message.SentAt == reported.SentAt && message.Id < reported.Id))
            .OrderByDescending(message => message.SentAt).ThenByDescending(message => message.Id).Take(Report.MessagesAround).ToListAsync(cancellationToken);
        var after = await conversation.Where(message => message.SentAt > reported.SentAt || (message.SentAt == reported.SentAt && message.Id > reported.Id))
            .OrderBy(message => message.SentAt).ThenBy(message => message.Id).Take(Report.MessagesAround).ToListAsync(cancellationToken);
        return before.AsEnumerable().Reverse().Append(reported).Concat(after)
            .Select(message => new ReportedMessage(message.Id, message.SenderId, message.Body, message.SentAt))
            .ToList();
    }

    /// <summary>
    /// A photo reported must be one of the person's; a message, one they sent in a conversation with the reporter.
    /// Anything else is NOT_FOUND, exactly like what does not exist: a report cannot be used to learn what others have.
    /// </summary>
    private async Task EnsureEvidenceIsTheirsAsync(Guid me, ReportUserCommand command, CancellationToken cancellationToken)
    {
        if (command.PhotoId is { } photoId
            && !await db.Photos.AnyAsync(photo => photo.Id == photoId && photo.UserId == command.UserId, cancellationToken))
        {
            throw new NotFoundException("That photo");
        }

        if (command.MessageId is { } messageId
            && !await db.Messages.AnyAsync(
                message => message.Id == messageId && message.SenderId == command.UserId
                    && db.Matches.Any(match => match.Id == message.MatchId && (match.UserLowId == me || match.UserHighId == me)),
                cancellationToken))
        {
            throw new NotFoundException("That message");
        }
    }
}
