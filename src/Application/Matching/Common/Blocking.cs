using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Matching.Common;

internal static class Blocking
{
    /// <summary>Refuses blocking or reporting yourself, or someone who does not exist.</summary>
    public static async Task EnsureSomeoneElseAsync(IAppDbContext db, Guid me, Guid userId, string action, CancellationToken cancellationToken)
    {
        if (userId == me)
            throw InputValidationException.ForField("userId", $"You cannot {action} yourself.");
        if (!await db.Users.AnyAsync(user => user.Id == userId, cancellationToken))
            throw new NotFoundException("That person");
    }

    /// <summary>Stages a block (unless one exists) and ends the match between the two, if any.</summary>
    public static async Task BlockAsync(IAppDbContext db, Guid blockerId, Guid blockedId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.Blocks.AnyAsync(block => block.BlockerId == blockerId && block.BlockedId == blockedId, cancellationToken))
            db.Blocks.Add(Block.Create(blockerId, blockedId, now));

        var (low, high) = Match.Order(blockerId, blockedId);
        var match = await db.Matches.SingleOrDefaultAsync(
            candidate => candidate.UserLowId == low && candidate.UserHighId == high && candidate.EndedAt == null, cancellationToken);
        match?.End(blockerId, now);
    }
}
