using Friender.Domain.Common;
using Friender.Domain.Matching;

namespace Friender.Domain.UnitTests.Matching;

public sealed class MatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _ana = Guid.CreateVersion7();
    private readonly Guid _ben = Guid.CreateVersion7();

    [Fact]
    public void Swipe_OnYourself_ShouldThrowCannotSwipeSelf() =>
        Assert.Equal(DomainErrorCodes.CannotSwipeSelf, Assert.Throws<DomainException>(() => Swipe.Create(_ana, _ana, SwipeDecision.Yes, Now)).Code);

    [Fact]
    public void Swipe_WithAnUnknownDecision_ShouldThrow() =>
        Assert.Throws<DomainException>(() => Swipe.Create(_ana, _ben, (SwipeDecision)7, Now));

    [Fact]
    public void FromMutualYes_ShouldStoreThePairInOneOrderWhoeverSwipedLast()
    {
        var one = Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, _ana, SwipeDecision.Yes, Now), Now);
        var other = Match.FromMutualYes(Swipe.Create(_ben, _ana, SwipeDecision.Yes, Now), Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Now);

        Assert.Equal((one.UserLowId, one.UserHighId), (other.UserLowId, other.UserHighId));
        Assert.True(one.UserLowId.CompareTo(one.UserHighId) < 0);
        Assert.True(one.IsActive);
    }

    [Fact]
    public void FromMutualYes_WithANo_ShouldThrowNotMatched() =>
        Assert.Equal(DomainErrorCodes.NotMatched, Assert.Throws<DomainException>(() =>
            Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, _ana, SwipeDecision.No, Now), Now)).Code);

    [Fact]
    public void FromMutualYes_ForSwipesOnOtherPeople_ShouldThrowNotMatched() =>
        Assert.Throws<DomainException>(() =>
            Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, Guid.CreateVersion7(), SwipeDecision.Yes, Now), Now));

    [Fact]
    public void End_ByAParticipant_ShouldEndItOnceOnly()
    {
        var match = Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, _ana, SwipeDecision.Yes, Now), Now);

        match.End(_ben, Now.AddDays(1));

        Assert.False(match.IsActive);
        Assert.Equal(_ben, match.EndedBy);
        Assert.Equal(DomainErrorCodes.NotMatched, Assert.Throws<DomainException>(() => match.End(_ana, Now.AddDays(2))).Code);
    }

    [Fact]
    public void End_ByAStranger_ShouldThrowForbidden()
    {
        var match = Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, _ana, SwipeDecision.Yes, Now), Now);

        Assert.Equal(DomainRefusal.NotAllowed, Assert.Throws<DomainException>(() => match.End(Guid.CreateVersion7(), Now)).Refusal);
        Assert.True(match.IsActive);
    }

    [Fact]
    public void OtherThan_ShouldGiveTheOtherParticipant()
    {
        var match = Match.FromMutualYes(Swipe.Create(_ana, _ben, SwipeDecision.Yes, Now), Swipe.Create(_ben, _ana, SwipeDecision.Yes, Now), Now);

        Assert.Equal(_ben, match.OtherThan(_ana));
        Assert.Equal(_ana, match.OtherThan(_ben));
    }

    [Fact]
    public void Block_Yourself_ShouldThrow() => Assert.Throws<DomainException>(() => Block.Create(_ana, _ana, Now));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Report_OfKindOtherWithoutAReason_ShouldThrow(string? reason) =>
        Assert.Throws<DomainException>(() => Report.Create(_ana, _ben, ReportCategory.Other, reason, Now));

    [Fact]
    public void Report_OfANamedKind_ShouldNeedNoReasonAndKeepNoBlankOne()
    {
        var report = Report.Create(_ana, _ben, ReportCategory.SpamOrScam, "   ", Now, block: false);

        Assert.Null(report.Reason);
        Assert.Equal(ReportCategory.SpamOrScam, report.Category);
        Assert.False(report.BlockedReported);
    }

    [Fact]
    public void Report_ShouldKeepTheTrimmedReason() => Assert.Equal("Spam", Report.Create(_ana, _ben, ReportCategory.Other, "  Spam ", Now).Reason);

    [Fact]
    public void Report_AboutAPhotoAndAMessageAtOnce_ShouldThrow() =>
        Assert.Throws<DomainException>(() => Report.Create(_ana, _ben, ReportCategory.Harassment, null, Now, Guid.NewGuid(), Guid.NewGuid()));

    [Fact]
    public void Report_OfAnUnknownKind_ShouldThrow() =>
        Assert.Throws<DomainException>(() => Report.Create(_ana, _ben, (ReportCategory)42, "why", Now));
}
