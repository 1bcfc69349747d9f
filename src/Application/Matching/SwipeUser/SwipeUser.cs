using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Discovery.Common;
using Friender.Application.Matching.Common;
using Friender.Domain.Matching;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static Friender.Application.Common.Abstractions.ConstraintNames;

namespace Friender.Application.Matching.SwipeUser;

public sealed record SwipeUserCommand(Guid UserId, SwipeDecision Decision) : ICommand<SwipeResult>, IRequireCompleteProfile;

public sealed record SwipeResult(MatchDto? Match);

public sealed class SwipeUserValidator : AbstractValidator<SwipeUserCommand>
{
    public SwipeUserValidator()
    {
        RuleFor(x => x.UserId).NotEmpty().WithMessage("Say who you are answering.");
        RuleFor(x => x.Decision).IsInEnum().WithMessage("Answer YES or NO.");
    }
}

public sealed class SwipeUserHandler(
    IAppDbContext db, ICurrentUser currentUser, ISwipeLedger ledger, CandidateViews views, TimeProvider clock)
    : ICommandHandler<SwipeUserCommand, SwipeResult>
{
    public async ValueTask<SwipeResult> Handle(SwipeUserCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var now = clock.GetUtcNow();
        var swipe = Swipe.Create(me, command.UserId, command.Decision, now);

        var recording = await ledger.RecordAsync(swipe, cancellationToken);
        switch (recording.Outcome)
        {
            case SwipeOutcome.AlreadyAnswered:
                throw AlreadySwiped();
            case SwipeOutcome.NotShowable:
                throw NotFound();
        }

        if (recording.TheirYes is not { } theirs)
            return new SwipeResult(null);

        var match = Match.FromMutualYes(swipe, theirs, now);
        db.Matches.Add(match);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException race) when (race.ConstraintName == MatchPairIndex)
        {
            match = await db.Matches.AsNoTracking().SingleAsync(
                existing => existing.UserLowId == match.UserLowId && existing.UserHighId == match.UserHighId, cancellationToken);
        }

        var viewer = await views.ViewerAsync(me, cancellationToken);
        var other = (await views.BuildAsync(viewer, [command.UserId], cancellationToken)).Single();
        return new SwipeResult(new MatchDto(match.Id, other, match.CreatedAt));
    }

    private static NotFoundException NotFound() => new("That person");

    private static AppException AlreadySwiped() => new(ErrorCodes.AlreadySwiped, "You already answered about this person; answers are final.");
}
