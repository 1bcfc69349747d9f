using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;
using Friender.Application.Discovery.Common;
using Friender.Application.Matching.Common;
using Friender.Application.Messaging.Common;
using Friender.Domain.Matching;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Matching.GetMatches;

public sealed record GetMatchesQuery(int First = GetMatchesQuery.DefaultFirst, string? After = null) : IQuery<Connection<MatchDto>>
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 50;
}

public sealed class GetMatchesValidator : AbstractValidator<GetMatchesQuery>
{
    public GetMatchesValidator() =>
        RuleFor(x => x.First).InclusiveBetween(1, GetMatchesQuery.MaxFirst).WithMessage($"Ask for 1-{GetMatchesQuery.MaxFirst} matches at a time.");
}

public sealed class GetMatchesHandler(IAppDbContext db, ICurrentUser currentUser, CandidateViews views)
    : IQueryHandler<GetMatchesQuery, Connection<MatchDto>>
{
    private const string CursorKind = "match";

    public async ValueTask<Connection<MatchDto>> Handle(GetMatchesQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var matches = db.Matches.AsNoTracking().Where(match => (match.UserLowId == me || match.UserHighId == me) && match.EndedAt == null);
        if (query.After is not null)
        {
            var (value, id) = Cursors.Decode(CursorKind, query.After);
            var activeAt = Cursors.ParseInstant(value);
            matches = matches.Where(match => match.LastActivityAt < activeAt || (match.LastActivityAt == activeAt && match.Id < id));
        }

        var page = await matches
            .OrderByDescending(match => match.LastActivityAt).ThenByDescending(match => match.Id)
            .Take(query.First + 1)
            .Select(match => new { match.Id, match.CreatedAt, match.LastActivityAt, match.FrozenAt, Other = match.UserLowId == me ? match.UserHighId : match.UserLowId })
            .ToListAsync(cancellationToken);

        var viewer = await views.ViewerAsync(me, cancellationToken);
        var people = (await views.BuildAsync(viewer, page.Select(match => match.Other).ToList(), cancellationToken)).ToDictionary(person => person.Id);
        var matchIds = page.Select(match => match.Id).ToList();
        var lastMessages = await LastMessagesAsync(matchIds, cancellationToken);
        var unread = await db.Messages.AsNoTracking()
            .Where(message => matchIds.Contains(message.MatchId))
            .UnreadBy(me)
            .GroupBy(message => message.MatchId)
            .Select(group => new { MatchId = group.Key, Count = group.Count() })
            .ToDictionaryAsync(count => count.MatchId, count => count.Count, cancellationToken);

        var lastActiveAt = page.ToDictionary(match => match.Id, match => match.LastActivityAt);
        var items = page.Where(match => people.ContainsKey(match.Other))
            .Select(match => new MatchDto(
                match.Id, people[match.Other], match.CreatedAt, lastMessages.GetValueOrDefault(match.Id), unread.GetValueOrDefault(match.Id),
                match.FrozenAt is null ? MatchState.Active : MatchState.Frozen))
            .ToList();
        return Connection<MatchDto>.From(items, query.First,
            match => Cursors.Encode(CursorKind, Cursors.Instant(lastActiveAt[match.Id]), match.Id));
    }

    private async Task<Dictionary<Guid, MessageDto>> LastMessagesAsync(List<Guid> matchIds, CancellationToken cancellationToken)
    {
        if (matchIds.Count == 0)
            return [];

        var latest = db.Messages.AsNoTracking()
            .Where(message => matchIds.Contains(message.MatchId)
                && !db.Messages.Any(newer => newer.MatchId == message.MatchId
                    && (newer.SentAt > message.SentAt || (newer.SentAt == message.SentAt && newer.Id > message.Id))));
        return await latest.Shown(db).ToDictionaryAsync(message => message.MatchId, cancellationToken);
    }
}
