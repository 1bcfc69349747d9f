using Friender.Domain.Common;
using Friender.Domain.Users;

namespace Friender.Domain.UnitTests.Users;

public sealed class RefreshTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    [Fact]
    public void StartFamily_ShouldBeActiveUntilItExpires()
    {
        var token = RefreshToken.StartFamily(Guid.CreateVersion7(), "hash", Now, Lifetime);

        Assert.Equal(token.Id, token.FamilyId);
        Assert.True(token.IsActive(Now + Lifetime - TimeSpan.FromSeconds(1)));
        Assert.False(token.IsActive(Now + Lifetime));
    }

    [Fact]
    public void Rotate_ShouldRevokeTheTokenAndLinkItToTheNextOneInTheSameFamily()
    {
        var token = RefreshToken.StartFamily(Guid.CreateVersion7(), "first", Now, Lifetime);
        var later = Now.AddDays(1);

        var next = token.Rotate("second", later, Lifetime);

        Assert.False(token.IsActive(later));
        Assert.True(token.WasRotated);
        Assert.Equal(next.Id, token.ReplacedById);
        Assert.Equal(token.FamilyId, next.FamilyId);
        Assert.Equal(token.UserId, next.UserId);
        Assert.Equal(later + Lifetime, next.ExpiresAt);
        Assert.True(next.IsActive(later));
    }

    [Fact]
    public void Rotate_WhenAlreadyRotated_ShouldThrowInvalidRefreshToken()
    {
        var token = RefreshToken.StartFamily(Guid.CreateVersion7(), "first", Now, Lifetime);
        token.Rotate("second", Now, Lifetime);

        var error = Assert.Throws<DomainException>(() => token.Rotate("third", Now, Lifetime));

        Assert.Equal(DomainErrorCodes.InvalidRefreshToken, error.Code);
    }

    [Fact]
    public void Rotate_WhenExpired_ShouldThrowInvalidRefreshToken()
    {
        var token = RefreshToken.StartFamily(Guid.CreateVersion7(), "first", Now, Lifetime);

        var error = Assert.Throws<DomainException>(() => token.Rotate("second", Now + Lifetime, Lifetime));

        Assert.Equal(DomainErrorCodes.InvalidRefreshToken, error.Code);
    }

    [Fact]
    public void Revoke_ShouldKeepTheFirstRevocationTime()
    {
        var token = RefreshToken.StartFamily(Guid.CreateVersion7(), "first", Now, Lifetime);

        token.Revoke(Now.AddHours(1));
        token.Revoke(Now.AddHours(2));

        Assert.Equal(Now.AddHours(1), token.RevokedAt);
        Assert.False(token.IsActive(Now.AddHours(1)));
    }
}
