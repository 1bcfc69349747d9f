using Friender.Application.Common.Abstractions;
using Friender.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Moderation.GetAuditTrail;

/// <summary>The audit trail, newest first; <paramref name="Before"/> pages back from an action's time.</summary>
public sealed record GetAuditTrailQuery(int First = 50, DateTimeOffset? Before = null) : IQuery<IReadOnlyList<ModerationAction>>, IModerationRequest
{
    public const int MaxSize = 200;
}

public sealed class GetAuditTrailHandler(IAppDbContext db) : IQueryHandler<GetAuditTrailQuery, IReadOnlyList<ModerationAction>>
{
    public async ValueTask<IReadOnlyList<ModerationAction>> Handle(GetAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var actions = db.ModerationActions.AsNoTracking();
        if (query.Before is { } before)
            actions = actions.Where(action => action.CreatedAt < before);
        return await actions.OrderByDescending(action => action.CreatedAt).ThenByDescending(action => action.Id)
            .Take(Math.Clamp(query.First, 1, GetAuditTrailQuery.MaxSize)).ToListAsync(cancellationToken);
    }
}
