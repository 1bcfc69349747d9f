using Friender.Domain.Discovery;

namespace Friender.Domain.UnitTests.Discovery;

public sealed class DiscoveryPolicyTests
{
    private static readonly VisibilityFacts Visible = new(
        IsSelf: false, CandidateProfileComplete: true, DistanceMeters: 5 * DiscoveryPolicy.MetersPerMile,
        ViewerRadiusMiles: 10, CandidateRadiusMiles: 10, ViewerSwipedCandidate: false, CandidateSaidNoToViewer: false, BlockedEitherWay: false);

    [Fact]
    public void CanSee_SomeoneCompleteWithinBothRadiiAndUnanswered_ShouldBeTrue() => Assert.True(DiscoveryPolicy.CanSee(Visible));

    [Fact]
    public void CanSee_Yourself_ShouldBeFalse() => Assert.False(DiscoveryPolicy.CanSee(Visible with { IsSelf = true }));

    [Fact]
    public void CanSee_AnIncompleteProfile_ShouldBeFalse() => Assert.False(DiscoveryPolicy.CanSee(Visible with { CandidateProfileComplete = false }));

    [Fact]
    public void CanSee_SomeoneAlreadyAnswered_ShouldBeFalse() => Assert.False(DiscoveryPolicy.CanSee(Visible with { ViewerSwipedCandidate = true }));

    [Fact]
    public void CanSee_SomeoneWhoSaidNo_ShouldBeFalse() => Assert.False(DiscoveryPolicy.CanSee(Visible with { CandidateSaidNoToViewer = true }));

    [Fact]
    public void CanSee_AcrossABlock_ShouldBeFalse() => Assert.False(DiscoveryPolicy.CanSee(Visible with { BlockedEitherWay = true }));

    [Theory]
    [InlineData(4, 10, false)]
    [InlineData(10, 4, false)]
    [InlineData(5, 5, true)]
    public void CanSee_ShouldNeedTheDistanceWithinBothRadii(int viewerRadius, int candidateRadius, bool visible) =>
        Assert.Equal(visible, DiscoveryPolicy.CanSee(Visible with { ViewerRadiusMiles = viewerRadius, CandidateRadiusMiles = candidateRadius }));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(500, 1)]
    [InlineData(2413, 1)]
    [InlineData(2415, 2)]
    [InlineData(160934, 100)]
    public void ShownMiles_ShouldRoundToWholeMilesAndNeverSayZero(double meters, int miles) =>
        Assert.Equal(miles, DiscoveryPolicy.ShownMiles(meters));
}
