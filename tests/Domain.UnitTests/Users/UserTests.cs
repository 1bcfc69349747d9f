using Friender.Domain.Common;
using Friender.Domain.Users;

namespace Friender.Domain.UnitTests.Users;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_WithMixedCaseUsername_ShouldStoreItInLowerCase()
    {
        var user = User.Register("  Ada_99 ", "Ada@Example.com", "hash", Now);

        Assert.Equal("ada_99", user.Username);
        Assert.Equal("Ada@Example.com", user.Email);
        Assert.Equal("ada@example.com", user.NormalizedEmail);
        Assert.Equal(Now, user.CreatedAt);
    }

    [Fact]
    public void Register_ShouldGiveTimeOrderedIds()
    {
        var first = User.Register("first", "first@example.com", "hash", Now);
        var second = User.Register("second", "second@example.com", "hash", Now.AddMilliseconds(1));

        Assert.Equal(7, first.Id.Version);
        Assert.True(first.Id.CompareTo(second.Id) < 0);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a_username_that_is_much_too_long")]
    [InlineData("with space")]
    [InlineData("dash-es")]
    [InlineData("ünïcode")]
    public void Register_WithUsernameOutsideTheRules_ShouldThrowBadUserInput(string username)
    {
        var error = Assert.Throws<DomainException>(() => User.Register(username, "a@example.com", "hash", Now));

        Assert.Equal(DomainRefusal.InvalidInput, error.Refusal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    public void Register_WithoutAnEmailAddress_ShouldThrowBadUserInput(string email)
    {
        var error = Assert.Throws<DomainException>(() => User.Register("valid_name", email, "hash", Now));

        Assert.Equal(DomainRefusal.InvalidInput, error.Refusal);
    }

    [Fact]
    public void Register_WithoutPasswordHash_ShouldThrow()
    {
        Assert.Throws<DomainException>(() => User.Register("valid_name", "a@example.com", "", Now));
    }
}
