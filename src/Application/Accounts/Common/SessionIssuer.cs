using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Friender.Application.Accounts.Common;

/// <summary>Hands out the token pair of a session; the caller saves the changes it stages.</summary>
public sealed class SessionIssuer(IAppDbContext db, IAccessTokenIssuer accessTokens, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public Task<AuthResult> StartAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var secret = RefreshTokenSecret.Create();
        db.RefreshTokens.Add(RefreshToken.StartFamily(user.Id, secret.Hash, now, RefreshTokenLifetime));
        return IssueAsync(user, secret, now, loggedInAt: now, cancellationToken);
    }

    public Task<AuthResult> ContinueAsync(User user, RefreshToken current, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var secret = RefreshTokenSecret.Create();
        db.RefreshTokens.Add(current.Rotate(secret.Hash, now, RefreshTokenLifetime));
        return IssueAsync(user, secret, now, loggedInAt: null, cancellationToken);
    }

    private async Task<AuthResult> IssueAsync(
        User user, RefreshTokenSecret secret, DateTimeOffset now, DateTimeOffset? loggedInAt, CancellationToken cancellationToken)
    {
        var access = accessTokens.Issue(user.Id, now, loggedInAt);
        currentUser.Become(user.Id, access);
        var profileComplete = await db.Profiles.AnyAsync(profile => profile.UserId == user.Id && profile.CompletedAt != null, cancellationToken);
        return new AuthResult(access.Value, secret.Value, access.ExpiresAt, MeDto.From(user, profileComplete));
    }
}
