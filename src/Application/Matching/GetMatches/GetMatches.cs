using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;
using Friender.Application.Discovery.Common;
using Friender.Application.Matching.Common;
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
            var createdAt = Cursors.ParseInstant(value);
            matches = matches.Where(match => match.CreatedAt < createdAt || (match.CreatedAt == createdAt && match.Id < id));
        }

        var page = await matches
            .OrderByDescending(match => match.CreatedAt).ThenByDescending(match => match.Id)
            .Take(query.First + 1)
            .Select(match => new { match.Id, match.CreatedAt, Other = match.UserLowId == me ? match.UserHighId : match.UserLowId })
            .ToListAsync(cancellationToken);

        var viewer = await views.ViewerAsync(me, cancellationToken);
        var people = (await views.BuildAsync(viewer, page.Select(match => match.Other).ToList(), cancellationToken)).ToDictionary(person => person.Id);
        var items = page.Where(match => people.ContainsKey(match.Other))
            .Select(match => new MatchDto(match.Id, people[match.Other], match.CreatedAt))
            .ToList();
        return Connection<MatchDto>.From(items, query.First,
            match => Cursors.Encode(CursorKind, Cursors.Instant(match.CreatedAt), match.Id));
    }
}
