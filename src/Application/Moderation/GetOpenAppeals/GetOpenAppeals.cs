using Friender.Application.Common.Abstractions;
using Friender.Application.Moderation.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.GetOpenAppeals;

/// <summary>Appeals nobody has answered, oldest first; never the moderator's own.</summary>
public sealed record GetOpenAppealsQuery : IQuery<IReadOnlyList<AppealDto>>, IModerationRequest
{
    public const int MaxSize = 100;
}

public sealed class GetOpenAppealsHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetOpenAppealsQuery, IReadOnlyList<AppealDto>>
{
    public async ValueTask<IReadOnlyList<AppealDto>> Handle(GetOpenAppealsQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var open = await (
                from appeal in db.Appeals.AsNoTracking()
                join action in db.ModerationActions.AsNoTracking() on appeal.ActionId equals action.Id
                where appeal.AnsweredAt == null && appeal.UserId != me
                orderby appeal.CreatedAt
                select new { appeal, action })
            .Take(GetOpenAppealsQuery.MaxSize)
            .ToListAsync(cancellationToken);
        return open.Select(row => AppealViews.ToDto(row.appeal, row.action)).ToList();
    }
}
