using System.Security.Claims;
using Friender.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Friender.Infrastructure.Auth;

/// <summary>Turns a bearer token into a principal, refusing tokens revoked by a log-out.</summary>
public sealed class AccessTokenAuthenticator(JwtTokenService tokens, FrienderDbContext db)
{
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var claims = await tokens.ReadAsync(token);
        if (claims is null)
            return null;

        var revoked = await db.RevokedAccessTokens.AsNoTracking()
            .AnyAsync(revokedToken => revokedToken.TokenId == claims.TokenId, cancellationToken);
        return revoked ? null : claims.ToPrincipal();
    }
}
