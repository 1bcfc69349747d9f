using Friender.Domain.Common;

namespace Friender.Domain.Users;

/// <summary>
/// One link in a chain of refresh tokens (a family) that starts at a log-in. Every use rotates the token; presenting
/// a token that was already rotated means it leaked, so the whole family is revoked.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public Guid FamilyId { get; private set; }

    public string TokenHash { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? ReplacedById { get; private set; }

    public bool WasRotated => ReplacedById is not null;

    public static RefreshToken StartFamily(Guid userId, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        var id = Guid.CreateVersion7(now);
        return Create(id, userId, familyId: id, tokenHash, now, lifetime);
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public RefreshToken Rotate(string nextTokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!IsActive(now))
            throw new DomainException(DomainErrorCodes.InvalidRefreshToken, "This refresh token is no longer valid.");

        var next = Create(Guid.CreateVersion7(now), UserId, FamilyId, nextTokenHash, now, lifetime);
        RevokedAt = now;
        ReplacedById = next.Id;
        return next;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    private static RefreshToken Create(
        Guid id, Guid userId, Guid familyId, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A refresh token must live for some time.");

        return new RefreshToken
        {
            Id = id,
            UserId = userId,
            FamilyId = familyId,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }
}
