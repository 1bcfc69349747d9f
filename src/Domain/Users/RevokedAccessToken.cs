namespace Friender.Domain.Users;

/// <summary>An access token refused before it expires because its holder logged out.</summary>
public sealed class RevokedAccessToken
{
    private RevokedAccessToken()
    {
    }

    public Guid TokenId { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static RevokedAccessToken For(Guid tokenId, DateTimeOffset expiresAt) =>
        new() { TokenId = tokenId, ExpiresAt = expiresAt };
}
