using Friender.Application.Common.Validation;
using Friender.Application.Messaging.SendMessage;
using Friender.Application.Profiles.UpdateProfile;

namespace Friender.Application.UnitTests.Common;

public sealed class TextHygieneTests
{
    private static UpdateProfileCommand Profile(string displayName = "Sam", string? bio = "Hi", string hobby = "Chess") =>
        new(displayName, bio, [hobby], ["Jazz"], "10001", 25);

    [Fact]
    public void Check_WithCleanText_ShouldFindNothing() =>
        Assert.Empty(TextHygiene.Check(Profile(bio: "Line one\nLine\ttwo\r\n")));

    [Theory]
    [InlineData("Sam\0", "displayName")]
    [InlineData("Sam\u0085", "displayName")]
    [InlineData("Sam\nSmith", "displayName")]
    public void Check_WithAControlCharacterInSingleLineText_ShouldNameTheField(string displayName, string field) =>
        Assert.Equal([field], TextHygiene.Check(Profile(displayName: displayName)).Keys);

    [Fact]
    public void Check_ShouldLookInsideStringLists() =>
        Assert.Equal(["hobbies"], TextHygiene.Check(Profile(hobby: "Chess\u001b")).Keys);

    [Fact]
    public void Check_WithNulInMultiLineText_ShouldStillRefuseIt() =>
        Assert.Equal(["bio"], TextHygiene.Check(Profile(bio: "Hello\0")).Keys);

    [Fact]
    public void Check_WithTextOverTheCap_ShouldRefuseItWhateverItHolds()
    {
        var problems = TextHygiene.Check(new SendMessageCommand(Guid.NewGuid(), new string('a', TextHygiene.MaxLength + 1)));

        Assert.Contains("10,000", Assert.Single(problems["body"]), StringComparison.Ordinal);
    }
}
