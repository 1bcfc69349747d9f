using Friender.Domain.Common;
using Friender.Domain.Matching;
using Friender.Domain.Messaging;

namespace Friender.Domain.UnitTests.Messaging;

public sealed class MessagingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _ana = Guid.CreateVersion7();
    private readonly Guid _ben = Guid.CreateVersion7();

    [Fact]
    public void SendMessage_ByAParticipant_ShouldMakeATrimmedMessageAndLiftTheMatch()
    {
        var match = MatchOf(_ana, _ben);

        var message = match.SendMessage(_ana, "  hello\r\nthere\t! ", Now.AddMinutes(5));

        Assert.Equal("hello\nthere\t!", message.Body);
        Assert.Equal(match.Id, message.MatchId);
        Assert.Equal(_ana, message.SenderId);
        Assert.Null(message.ReadAt);
        Assert.Equal(Now.AddMinutes(5), match.LastActivityAt);
    }

    [Fact]
    public void SendMessage_BySomeoneOutsideTheMatch_ShouldThrowForbidden()
    {
        var match = MatchOf(_ana, _ben);

        Assert.Equal(DomainRefusal.NotAllowed, Assert.Throws<DomainException>(() => match.SendMessage(Guid.CreateVersion7(), "hi", Now)).Refusal);
    }

    [Fact]
    public void SendMessage_AfterTheMatchEnded_ShouldThrowNotMatchedForBoth()
    {
        var match = MatchOf(_ana, _ben);
        match.End(_ben, Now);

        Assert.Equal(DomainErrorCodes.NotMatched, Assert.Throws<DomainException>(() => match.SendMessage(_ana, "hi", Now)).Code);
        Assert.Equal(DomainErrorCodes.NotMatched, Assert.Throws<DomainException>(() => match.SendMessage(_ben, "hi", Now)).Code);
        Assert.False(match.IsOpenTo(_ana));
        Assert.False(match.IsOpenTo(_ben));
    }

    [Fact]
    public void IsOpenTo_ShouldHoldOnlyForTheTwoPeopleOfAnActiveMatch()
    {
        var match = MatchOf(_ana, _ben);

        Assert.True(match.IsOpenTo(_ana));
        Assert.True(match.IsOpenTo(_ben));
        Assert.False(match.IsOpenTo(Guid.CreateVersion7()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\rb")]
    public void Problem_WithSomethingThatIsNotSendableText_ShouldSayWhy(string body) =>
        Assert.NotNull(MessageBody.Problem(MessageBody.Normalize(body)));

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDC00)]
    public void Problem_WithALoneSurrogate_ShouldSayWhy(int surrogate) =>
        Assert.NotNull(MessageBody.Problem($"lone {(char)surrogate} half"));

    [Theory]
    [InlineData("hi")]
    [InlineData("line one\nline two")]
    [InlineData("tab\tseparated")]
    [InlineData("emoji 🙂 and accents é")]
    public void Problem_WithPlainText_ShouldBeNull(string body) =>
        Assert.Null(MessageBody.Problem(MessageBody.Normalize(body)));

    [Fact]
    public void Problem_ShouldCountUnicodeCharactersUpToTheLimit()
    {
        Assert.Null(MessageBody.Problem(string.Concat(Enumerable.Repeat("🙂", MessageBody.MaxLength))));
        Assert.NotNull(MessageBody.Problem(new string('a', MessageBody.MaxLength + 1)));
    }

    [Fact]
    public void SendMessage_WithAChosenId_ShouldKeepIt_AndItsTimeToTheMicrosecondAsStored()
    {
        var match = MatchOf(_ana, _ben);
        var id = Guid.CreateVersion7();

        var message = match.SendMessage(_ana, "hi", Now.AddTicks(12_345_678), id);

        Assert.Equal(id, message.Id);
        Assert.Equal(Now.AddTicks(12_345_670), message.SentAt);
    }

    [Fact]
    public void SendMessage_WithAnEmptyBody_ShouldThrowBadUserInput()
    {
        var match = MatchOf(_ana, _ben);

        Assert.Equal(DomainRefusal.InvalidInput, Assert.Throws<DomainException>(() => match.SendMessage(_ana, "   ", Now)).Refusal);
    }

    private static Match MatchOf(Guid one, Guid two) =>
        Match.FromMutualYes(Swipe.Create(one, two, SwipeDecision.Yes, Now), Swipe.Create(two, one, SwipeDecision.Yes, Now), Now);
}
