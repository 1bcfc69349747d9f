using Friender.Application.Accounts.Common;

namespace Friender.Application.UnitTests.Accounts;

public sealed class RefreshTokenSecretTests
{
    [Fact]
    public void Create_ShouldGiveA256BitUrlSafeValueAndItsSha256()
    {
        var secret = RefreshTokenSecret.Create();

        Assert.Equal(43, secret.Value.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", secret.Value);
        Assert.Equal(RefreshTokenSecret.HashOf(secret.Value), secret.Hash);
        Assert.Matches("^[0-9a-f]{64}$", secret.Hash);
    }

    [Fact]
    public void Create_ShouldNeverRepeat()
    {
        var values = Enumerable.Range(0, 1000).Select(_ => RefreshTokenSecret.Create().Value).ToHashSet();

        Assert.Equal(1000, values.Count);
    }
}
