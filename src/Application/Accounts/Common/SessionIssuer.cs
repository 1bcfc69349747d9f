using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;

namespace Friender.Application.Accounts.Common;

/// <summary>Hands out the token pair of a session; the caller saves the changes it stages.</summary>
public sealed class SessionIssuer(IAppDbContext db, IAccessTokenIssuer accessTokens, TimeProvider clock)
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public AuthResult Start(User user)
    {
        var now = clock.GetUtcNow();
        var secret = RefreshTokenSecret.Create();
        db.RefreshTokens.Add(RefreshToken.StartFamily(user.Id, secret.Hash, now, RefreshTokenLifetime));
        return Issue(user, secret, now);
    }

    public AuthResult Continue(User user, RefreshToken current)
    {
        var now = clock.GetUtcNow();
        var secret = RefreshTokenSecret.Create();
        db.RefreshTokens.Add(current.Rotate(secret.Hash, now, RefreshTokenLifetime));
        return Issue(user, secret, now);
    }

    private AuthResult Issue(User user, RefreshTokenSecret secret, DateTimeOffset now)
    {
        var access = accessTokens.Issue(user.Id, now);
        return new AuthResult(access.Value, secret.Value, access.ExpiresAt, MeDto.From(user));
    }
}
