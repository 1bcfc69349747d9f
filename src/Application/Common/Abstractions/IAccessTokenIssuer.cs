namespace Friender.Application.Common.Abstractions;

public interface IAccessTokenIssuer
{
    IssuedAccessToken Issue(Guid userId, DateTimeOffset now);
}

public sealed record IssuedAccessToken(string Value, Guid Id, DateTimeOffset ExpiresAt);
