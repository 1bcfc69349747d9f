using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Friender.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.GetModerationCase;

/// <summary>One person's case: their profile and photos, every report about them, the actions taken and their appeals.</summary>
public sealed record GetModerationCaseQuery(Guid UserId) : IQuery<ModerationCaseDto>, IModerationRequest
{
    public const int MaxReports = 200;
}

public sealed class GetModerationCaseHandler(IAppDbContext db, ICurrentUser currentUser, IPhotoStorage storage, TimeProvider clock)
    : IQueryHandler<GetModerationCaseQuery, ModerationCaseDto>
{
    /// <summary>The photo as it is now, or the copy the report kept once its owner deleted it.</summary>
    private ModerationPhotoDto? ReportedPhoto(Guid? photoId, string? evidenceKey, Dictionary<Guid, ModerationPhotoDto> current)
    {
        if (photoId is not { } id)
            return null;
        if (current.TryGetValue(id, out var photo))
            return photo;
        if (evidenceKey is null)
            return null;
        var url = storage.PresignGet(evidenceKey);
        return new ModerationPhotoDto(id, url.Url, url.ExpiresAt, Hidden: false, Deleted: true);
    }

    public async ValueTask<ModerationCaseDto> Handle(GetModerationCaseQuery query, CancellationToken cancellationToken)
    {
        var userId = query.UserId;
        if (userId == currentUser.Id)
            throw new AppException(ErrorCodes.Forbidden, "Moderators cannot review their own account or reports about themselves.");

        var user = await db.Users.AsNoTracking().Where(candidate => candidate.Id == userId)
            .Select(candidate => new { candidate.Username, candidate.CreatedAt }).SingleOrDefaultAsync(cancellationToken);
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(report => report.ReportedId == userId)
            .OrderByDescending(report => report.CreatedAt).Take(GetModerationCaseQuery.MaxReports).ToListAsync(cancellationToken);
        var actions = await db.ModerationActions.AsNoTracking().Where(action => action.SubjectId == userId)
            .OrderByDescending(action => action.CreatedAt).ToListAsync(cancellationToken);
        if (user is null && reports.Count == 0 && actions.Count == 0)
            throw new NotFoundException("That person");

        var photos = await db.Photos.AsNoTracking().Where(photo => photo.UserId == userId).OrderBy(photo => photo.Position).ToListAsync(cancellationToken);
        var photoViews = photos.ToDictionary(photo => photo.Id, photo =>
        {
            var url = storage.PresignGet(photo.StorageKey);
            return new ModerationPhotoDto(photo.Id, url.Url, url.ExpiresAt, photo.HiddenAt is not null);
        });

        var reporterIds = reports.Select(report => report.ReporterId).Distinct().ToList();
        var reporterNames = await db.Profiles.AsNoTracking().Where(candidate => reporterIds.Contains(candidate.UserId))
            .ToDictionaryAsync(candidate => candidate.UserId, candidate => candidate.DisplayName, cancellationToken);

        var suspension = await db.AccountSuspensions.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == userId, cancellationToken);
        var actionIds = actions.Select(action => action.Id).ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(appeal => actionIds.Contains(appeal.ActionId))
            .OrderByDescending(appeal => appeal.CreatedAt).ToListAsync(cancellationToken);
        var actionsById = actions.ToDictionary(action => action.Id);

        return new ModerationCaseDto(
            userId,
            user?.Username,
            profile?.DisplayName,
            profile?.Bio,
            profile?.Hobbies ?? [],
            profile?.Interests ?? [],
            user?.CreatedAt,
            profile?.HiddenAt is not null,
            suspension is not null && suspension.InForce(clock.GetUtcNow())
                ? new SuspensionDto(suspension.Until, suspension.Reason, suspension.ActionId, suspension.CreatedAt)
                : null,
            photoViews.Values.ToList(),
            reports.Select(report => new ModerationReportDto(
                report.Id,
                report.ReporterId,
                reporterNames.GetValueOrDefault(report.ReporterId),
                report.Category,
                report.Reason,
                report.Counts,
                report.BlockedReported,
                report.CreatedAt,
                report.ResolvedAt,
                report.ResolvedByActionId,
                report.PhotoId,
                ReportedPhoto(report.PhotoId, report.EvidencePhotoKey, photoViews),
                report.MessageId,
                report.Conversation.Select(message => new ReportedMessageDto(
                    message.Id, message.SenderId == userId, message.Body, message.SentAt, message.Id == report.MessageId)).ToList()))
                .ToList(),
            actions,
            appeals.Select(appeal => AppealViews.ToDto(appeal, actionsById[appeal.ActionId])).ToList());
    }
}
