using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Friender.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Friender.Application.Moderation.Common;

/// <summary>
/// Automatic protection (ModerationRules): whether a reporter met the person, and whether the open reports of people who
/// did, within the window, hide the person or one of their photos until a moderator decides.
/// </summary>
public sealed class ReportHiding(IAppDbContext db, IOptions<ModerationOptions> options, TimeProvider clock)
{
    /// <summary>Met: the reporter answered them in discovery (so was shown them) or was matched with them, at any time.</summary>
    public async Task<bool> MetAsync(Guid reporterId, Guid reportedId, CancellationToken cancellationToken)
    {
        var answered = await db.Swipes.AnyAsync(swipe => swipe.SwiperId == reporterId && swipe.TargetId == reportedId, cancellationToken);
        var (low, high) = Match.Order(reporterId, reportedId);
        var matched = await db.Matches.AnyAsync(match => match.UserLowId == low && match.UserHighId == high, cancellationToken);
        return ModerationRules.Counts(answered, matched);
    }

    /// <summary>After a counting report is stored: hides the person, and the photo it was about, past the threshold.</summary>
    public async Task ApplyAsync(Report report, CancellationToken cancellationToken)
    {
        if (!report.Counts)
            return;
        var now = clock.GetUtcNow();
        var since = ModerationRules.WindowStart(now);
        var counting = db.Reports.Where(candidate =>
            candidate.ReportedId == report.ReportedId && candidate.Counts && candidate.ResolvedAt == null && candidate.CreatedAt >= since);

        var people = await counting.Select(candidate => candidate.ReporterId).Distinct().CountAsync(cancellationToken);
        if (ModerationRules.Hides(people, options.Value.ReportsToHide)
            && await db.Profiles.SingleOrDefaultAsync(profile => profile.UserId == report.ReportedId && profile.HiddenAt == null, cancellationToken) is { } profile)
        {
            profile.Hide(now);
            ModerationMetrics.Hid("person");
        }

        if (report.PhotoId is { } photoId)
        {
            var photoReporters = await counting.Where(candidate => candidate.PhotoId == photoId)
                .Select(candidate => candidate.ReporterId).Distinct().CountAsync(cancellationToken);
            if (ModerationRules.Hides(photoReporters, options.Value.ReportsToHide)
                && await db.Photos.SingleOrDefaultAsync(photo => photo.Id == photoId && photo.HiddenAt == null, cancellationToken) is { } photo)
            {
                photo.Hide(now);
                ModerationMetrics.Hid("photo");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
