using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;
using Friender.Application.Discovery.Common;
using Mediator;

namespace Friender.Application.Discovery.Discover;

public sealed record DiscoverQuery(int First = DiscoverQuery.DefaultFirst, string? After = null)
    : IQuery<Connection<CandidateDto>>, IRequireCompleteProfile
{
    public const int DefaultFirst = 10;
    public const int MaxFirst = 50;
}

public sealed class DiscoverValidator : AbstractValidator<DiscoverQuery>
{
    public DiscoverValidator() =>
        RuleFor(x => x.First).InclusiveBetween(1, DiscoverQuery.MaxFirst).WithMessage($"Ask for 1-{DiscoverQuery.MaxFirst} people at a time.");
}

public sealed class DiscoverHandler(ICurrentUser currentUser, ICandidateSource candidates, CandidateViews views)
    : IQueryHandler<DiscoverQuery, Connection<CandidateDto>>
{
    public async ValueTask<Connection<CandidateDto>> Handle(DiscoverQuery query, CancellationToken cancellationToken)
    {
        var after = CandidateCursors.Decode(query.After);
        var viewer = await views.ViewerAsync(currentUser.Id!.Value, cancellationToken);
        var hits = await candidates.FindAsync(viewer.Viewer, after, query.First + 1, cancellationToken);

        var edges = hits.Take(query.First)
            .Select(hit => new Edge<CandidateDto>(CandidateCursors.Encode(hit), views.Show(hit, viewer)))
            .ToList();
        return new Connection<CandidateDto>(edges, new PageInfo(hits.Count > query.First, edges.Count > 0 ? edges[^1].Cursor : null));
    }
}
