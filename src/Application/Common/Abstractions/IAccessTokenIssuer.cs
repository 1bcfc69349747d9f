namespace Friender.Application.Common.Abstractions;

public interface IAccessTokenIssuer
{
    /// <summary>
    /// An access token; <paramref name="loggedInAt"/> is when the password was last checked in its session (signUp,
    /// logIn), null for a refreshed token, which proves only that the session is alive.
    /// </summary>
    IssuedAccessToken Issue(Guid userId, DateTimeOffset now, DateTimeOffset? loggedInAt);

    /// <summary>The last moment a token issued at or before <paramref name="now"/> can still be accepted.</summary>
    DateTimeOffset AcceptedUntil(DateTimeOffset now);
}

public sealed record IssuedAccessToken(string Value, Guid Id, DateTimeOffset ExpiresAt, DateTimeOffset? LoggedInAt);
