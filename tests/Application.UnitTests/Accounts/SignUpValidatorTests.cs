using Friender.Application.Accounts.SignUp;

namespace Friender.Application.UnitTests.Accounts;

public sealed class SignUpValidatorTests
{
    private readonly SignUpValidator _validator = new();

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Password_ShouldBe10To128Characters(int length, bool valid)
    {
        var result = _validator.Validate(new SignUpCommand("ada", "ada@example.com", new string('p', length)));

        Assert.Equal(valid, result.IsValid);
    }

    [Theory]
    [InlineData("name@example.com", true)]
    [InlineData("  name@example.com ", true)]
    [InlineData("name@localhost", false)]
    [InlineData("name@@example.com", false)]
    [InlineData("two words@example.com", false)]
    public void Email_ShouldLookLikeAnAddress(string email, bool valid)
    {
        var result = _validator.Validate(new SignUpCommand("ada", email, "long enough password"));

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Email_LongerThan254Characters_ShouldBeRefused()
    {
        var email = new string('a', 245) + "@example.com";

        Assert.False(_validator.Validate(new SignUpCommand("ada", email, "long enough password")).IsValid);
    }
}
