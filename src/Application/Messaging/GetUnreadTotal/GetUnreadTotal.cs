using Friender.Application.Common.Abstractions;
using Friender.Application.Messaging.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Messaging.GetUnreadTotal;

/// <summary>
/// How many messages sent to me are unread, across all my open matches: what a badge or a page title shows, without
/// summing one page of matches.
/// </summary>
public sealed record GetUnreadTotalQuery : IQuery<int>;

public sealed class GetUnreadTotalHandler(IAppDbContext db, ICurrentUser currentUser) : IQueryHandler<GetUnreadTotalQuery, int>
{
    public async ValueTask<int> Handle(GetUnreadTotalQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var openMatches = db.Matches.Where(match => (match.UserLowId == me || match.UserHighId == me) && match.EndedAt == null);
        return await db.Messages.AsNoTracking()
            .UnreadBy(me)
            .Where(message => openMatches.Any(match => match.Id == message.MatchId))
            .CountAsync(cancellationToken);
    }
}
