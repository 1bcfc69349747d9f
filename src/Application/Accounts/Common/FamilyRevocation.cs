using Friender.Application.Common.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.Common;

internal static class FamilyRevocation
{
    public static async Task RevokeAsync(IAppDbContext db, Guid familyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.RefreshTokens
            .Where(token => token.FamilyId == familyId && token.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var token in live)
            token.Revoke(now);
    }
}
