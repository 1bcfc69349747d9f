namespace Friender.Application.Common.Abstractions;

public interface IAccessTokenIssuer
{
    /// <summary>
    /// An access token; <paramref name="loggedInAt"/> is when the password was last checked in its session (signUp,
    /// logIn), null for a refreshed token, which proves only that the session is alive.
    /// </summary>
    IssuedAccessToken Issue(Guid userId, DateTimeOffset now, DateTimeOffset? loggedInAt);
}

public sealed record IssuedAccessToken(string Value, Guid Id, DateTimeOffset ExpiresAt, DateTimeOffset? LoggedInAt);
