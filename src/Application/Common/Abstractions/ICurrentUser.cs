namespace Friender.Application.Common.Abstractions;

/// <summary>Who is calling: set only from an access token that is valid, unexpired and not revoked.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    Guid? AccessTokenId { get; }

    DateTimeOffset? AccessTokenExpiresAt { get; }

    /// <summary>When the password was checked in this session (signUp, logIn); null for a refreshed access token.</summary>
    DateTimeOffset? LoggedInAt { get; }

    string? IpAddress { get; }

    /// <summary>The token is valid but its account is suspended or banned: only <see cref="IAllowSuspended"/> messages run.</summary>
    bool Suspended { get; }

    /// <summary>
    /// Makes the rest of this request act as the person who just started a session (signUp, logIn, refreshToken), so
    /// the payload can show their own data.
    /// </summary>
    void Become(Guid userId, IssuedAccessToken accessToken);
}
