using Friender.Domain.Discovery;

namespace Friender.Domain.UnitTests.Discovery;

public sealed class VisibilityRuleTests
{
    private static readonly VisibilityFacts Visible = new(
        IsSelf: false, CandidateProfileComplete: true, DistanceMeters: 5 * Distance.MetersPerMile,
        ViewerRadiusMiles: 10, CandidateRadiusMiles: 10, ViewerSwipedCandidate: false, CandidateSaidNoToViewer: false, BlockedEitherWay: false,
        CandidateHidden: false);

    [Fact]
    public void LetsViewerSee_SomeoneCompleteWithinBothRadiiAndUnanswered_ShouldBeTrue() => Assert.True(VisibilityRule.LetsViewerSee(Visible));

    [Fact]
    public void LetsViewerSee_Yourself_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { IsSelf = true }));

    [Fact]
    public void LetsViewerSee_AnIncompleteProfile_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { CandidateProfileComplete = false }));

    [Fact]
    public void LetsViewerSee_SomeoneAlreadyAnswered_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { ViewerSwipedCandidate = true }));

    [Fact]
    public void LetsViewerSee_SomeoneWhoSaidNo_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { CandidateSaidNoToViewer = true }));

    [Fact]
    public void LetsViewerSee_AcrossABlock_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { BlockedEitherWay = true }));

    [Fact]
    public void LetsViewerSee_SomeoneHiddenByModeration_ShouldBeFalse() => Assert.False(VisibilityRule.LetsViewerSee(Visible with { CandidateHidden = true }));

    [Theory]
    [InlineData(4, 10, false)]
    [InlineData(10, 4, false)]
    [InlineData(5, 5, true)]
    public void LetsViewerSee_ShouldNeedTheDistanceWithinBothRadii(int viewerRadius, int candidateRadius, bool visible) =>
        Assert.Equal(visible, VisibilityRule.LetsViewerSee(Visible with { ViewerRadiusMiles = viewerRadius, CandidateRadiusMiles = candidateRadius }));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(500, 1)]
    [InlineData(2413, 1)]
    [InlineData(2415, 2)]
    [InlineData(160934, 100)]
    public void ShownMiles_ShouldRoundToWholeMilesAndNeverSayZero(double meters, int miles) =>
        Assert.Equal(miles, Distance.ShownMiles(meters));
}
