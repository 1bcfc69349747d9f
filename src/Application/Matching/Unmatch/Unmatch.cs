using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Mediator;

namespace Friender.Application.Matching.Unmatch;

public sealed record UnmatchCommand(Guid MatchId) : ICommand<UnmatchResult>;

public sealed record UnmatchResult(Guid MatchId);

public sealed class UnmatchValidator : AbstractValidator<UnmatchCommand>
{
    public UnmatchValidator() => RuleFor(x => x.MatchId).NotEmpty().WithMessage("Say which match to end.");
}

public sealed class UnmatchHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<UnmatchCommand, UnmatchResult>
{
    public async ValueTask<UnmatchResult> Handle(UnmatchCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var match = await db.Matches.FindAsync([command.MatchId], cancellationToken);
        if (match is null || !match.Involves(me))
            throw new NotFoundException("That match");

        match.End(me, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new UnmatchResult(match.Id);
    }
}
