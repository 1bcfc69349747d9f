using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Discovery.Common;
using Friender.Application.Matching.Common;
using Friender.Application.Messaging.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Matching.GetMatch;

/// <summary>One open match of mine with the other person's profile as a match sees it, however old the match is.</summary>
public sealed record GetMatchQuery(Guid MatchId) : IQuery<MatchDto>;

public sealed class GetMatchValidator : AbstractValidator<GetMatchQuery>
{
    public GetMatchValidator() =>
        RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which match.");
}

public sealed class GetMatchHandler(IAppDbContext db, ICurrentUser currentUser, CandidateViews views) : IQueryHandler<GetMatchQuery, MatchDto>
{
    public async ValueTask<MatchDto> Handle(GetMatchQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        // The conversation's rule: NOT_FOUND unless I am in it, NOT_MATCHED once it ended.
        var match = await Conversations.ReadableByAsync(db, query.MatchId, me, cancellationToken);
        var viewer = await views.ViewerAsync(me, cancellationToken);
        var person = (await views.BuildAsync(viewer, [match.OtherThan(me)], cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("That match");

        var messages = db.Messages.AsNoTracking().Where(message => message.MatchId == match.Id);
        var last = await messages.OrderByDescending(message => message.SentAt).ThenByDescending(message => message.Id)
            .Take(1).Shown(db).FirstOrDefaultAsync(cancellationToken);
        var unread = await messages.UnreadBy(me).CountAsync(cancellationToken);
        return new MatchDto(match.Id, person, match.CreatedAt, last, unread, match.State);
    }
}
