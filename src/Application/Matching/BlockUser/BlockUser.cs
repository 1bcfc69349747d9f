using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Matching.Common;
using Mediator;

namespace Friender.Application.Matching.BlockUser;

public sealed record BlockUserCommand(Guid UserId) : ICommand<BlockUserResult>;

public sealed record BlockUserResult(Guid BlockedUserId);

public sealed class BlockUserValidator : AbstractValidator<BlockUserCommand>
{
    public BlockUserValidator() => RuleFor(x => x.UserId).NotEmpty().WithMessage("Say whom to block.");
}

public sealed class BlockUserHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<BlockUserCommand, BlockUserResult>
{
    public async ValueTask<BlockUserResult> Handle(BlockUserCommand command, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        await Blocking.EnsureSomeoneElseAsync(db, me, command.UserId, "block", cancellationToken);

        await Blocking.BlockAsync(db, me, command.UserId, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Blocked twice at once: the first block stands, which is what was asked.
        }

        return new BlockUserResult(command.UserId);
    }
}
