using System.Text.Json;
using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.ExportMyData;

public sealed record ExportMyDataQuery : IQuery<string>;

/// <summary>
/// Everything stored about the caller, as one JSON document: account, profile (with the ZIP code and the changes to it),
/// photos (fresh URLs), the answers given, matches, every message sent and received in them, and the blocks and
/// reports made. Other people appear only by id, which is all the caller's own data holds of them.
/// </summary>
public sealed class ExportMyDataHandler(IAppDbContext db, ICurrentUser currentUser, PhotoUrls photoUrls, TimeProvider clock)
    : IQueryHandler<ExportMyDataQuery, string>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async ValueTask<string> Handle(ExportMyDataQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var user = await db.Users.AsNoTracking().SingleAsync(candidate => candidate.Id == me, cancellationToken);
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.UserId == me, cancellationToken);
        var photos = await db.Photos.AsNoTracking().Where(photo => photo.UserId == me).OrderBy(photo => photo.Position).ToListAsync(cancellationToken);
        var swipes = await db.Swipes.AsNoTracking().Where(swipe => swipe.SwiperId == me).OrderBy(swipe => swipe.CreatedAt).ToListAsync(cancellationToken);
        var matches = await db.Matches.AsNoTracking().Where(match => match.UserLowId == me || match.UserHighId == me)
            .OrderBy(match => match.CreatedAt).ToListAsync(cancellationToken);
        var matchIds = matches.Select(match => match.Id).ToList();
        var messages = await db.Messages.AsNoTracking().Where(message => matchIds.Contains(message.MatchId))
            .OrderBy(message => message.SentAt).ThenBy(message => message.Id).ToListAsync(cancellationToken);
        var blocks = await db.Blocks.AsNoTracking().Where(block => block.BlockerId == me).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(report => report.ReporterId == me).ToListAsync(cancellationToken);
        var warnings = await db.ModerationWarnings.AsNoTracking().Where(warning => warning.UserId == me).ToListAsync(cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().Where(appeal => appeal.UserId == me).ToListAsync(cancellationToken);
        var moderatorSince = await db.Moderators.AsNoTracking().Where(moderator => moderator.UserId == me)
            .Select(moderator => (DateTimeOffset?)moderator.GrantedAt).SingleOrDefaultAsync(cancellationToken);

        return JsonSerializer.Serialize(new
        {
            exportedAt = clock.GetUtcNow(),
            account = new { user.Id, user.Username, user.Email, user.CreatedAt },
            profile = profile is null ? null : new
            {
                profile.DisplayName, profile.Bio, profile.Hobbies, profile.Interests, profile.ZipCode, profile.FriendRadiusMiles,
                profile.ZipChanges, profile.CompletedAt, profile.UpdatedAt,
            },
            photos = photoUrls.For(photos).Zip(photos, (shown, stored) => new
            {
                shown.Id, shown.Url, shown.UrlExpiresAt, shown.Position, shown.Width, shown.Height, stored.ContentType, stored.SizeBytes, stored.CreatedAt,
            }),
            swipes = swipes.Select(swipe => new { userId = swipe.TargetId, decision = swipe.Decision.ToString().ToUpperInvariant(), swipe.CreatedAt }),
            matches = matches.Select(match => new
            {
                match.Id, otherUserId = match.UserLowId == me ? match.UserHighId : match.UserLowId, match.CreatedAt, match.EndedAt,
                messages = messages.Where(message => message.MatchId == match.Id).Select(message => new
                {
                    message.Id, sentByMe = message.SenderId == me, message.Body, message.SentAt, message.ReadAt,
                }),
            }),
            blocks = blocks.Select(block => new { userId = block.BlockedId, block.CreatedAt }),
            reports = reports.Select(report => new { report.Id, userId = report.ReportedId, category = report.Category.ToString(), report.Reason, report.PhotoId, report.MessageId, blocked = report.BlockedReported, report.CreatedAt }),
            // What moderators told you, and what you answered (reports about you are not yours to export: they are the reporters').
            warnings = warnings.Select(warning => new { warning.Id, warning.Reason, warning.CreatedAt, warning.AcknowledgedAt }),
            appeals = appeals.Select(appeal => new { appeal.Id, decisionId = appeal.ActionId, appeal.Text, appeal.CreatedAt, appeal.AnsweredAt, appeal.Granted }),
            moderatorSince,
        }, Json);
    }
}
