using Friender.Application.Common.Abstractions;
using Friender.Application.Moderation.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.GetModerationQueue;

/// <summary>Open reports grouped by the person reported: most reported first, then the most recently reported.</summary>
public sealed record GetModerationQueueQuery(int First = GetModerationQueueQuery.DefaultSize) : IQuery<IReadOnlyList<ModerationCaseSummaryDto>>, IModerationRequest
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;
}

public sealed class GetModerationQueueHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetModerationQueueQuery, IReadOnlyList<ModerationCaseSummaryDto>>
{
    public async ValueTask<IReadOnlyList<ModerationCaseSummaryDto>> Handle(GetModerationQueueQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var size = Math.Clamp(query.First, 1, GetModerationQueueQuery.MaxSize);
        // Reports about the moderator are someone else's to decide: they never see them.
        var groups = await db.Reports
            .Where(report => report.ResolvedAt == null && report.ReportedId != me)
            .GroupBy(report => report.ReportedId)
            .Select(group => new
            {
                UserId = group.Key,
                Open = group.Count(),
                Counting = group.Where(report => report.Counts).Select(report => report.ReporterId).Distinct().Count(),
                Latest = group.Max(report => report.CreatedAt),
            })
            .OrderByDescending(group => group.Open).ThenByDescending(group => group.Latest).ThenBy(group => group.UserId)
            .Take(size)
            .ToListAsync(cancellationToken);

        var ids = groups.Select(group => group.UserId).ToList();
        var usernames = await db.Users.Where(user => ids.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.Username, cancellationToken);
        var profiles = await db.Profiles.Where(profile => ids.Contains(profile.UserId))
            .Select(profile => new { profile.UserId, profile.DisplayName, profile.HiddenAt })
            .ToDictionaryAsync(profile => profile.UserId, cancellationToken);
        var now = clock.GetUtcNow();
        var suspended = (await db.AccountSuspensions.AsNoTracking().Where(suspension => ids.Contains(suspension.UserId)).ToListAsync(cancellationToken))
            .Where(suspension => suspension.InForce(now)).Select(suspension => suspension.UserId).ToHashSet();

        return groups.Select(group => new ModerationCaseSummaryDto(
                group.UserId,
                usernames.GetValueOrDefault(group.UserId),
                profiles.TryGetValue(group.UserId, out var profile) ? profile.DisplayName : null,
                group.Open,
                group.Counting,
                group.Latest,
                profile?.HiddenAt is not null,
                suspended.Contains(group.UserId)))
            .ToList();
    }
}
