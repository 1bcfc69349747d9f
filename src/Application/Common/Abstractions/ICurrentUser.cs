namespace Friender.Application.Common.Abstractions;

/// <summary>Who is calling: set only from an access token that is valid, unexpired and not revoked.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    Guid? AccessTokenId { get; }

    DateTimeOffset? AccessTokenExpiresAt { get; }

    string? IpAddress { get; }
}
