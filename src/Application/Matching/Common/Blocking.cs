using Friender.Application.Common.Abstractions;
using Friender.Domain.Matching;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Matching.Common;

internal static class Blocking
{
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
