namespace Friender.Domain.Discovery;

/// <summary>
/// Who may be shown to whom. The database states the same rule once, in Sql/Functions/discovery_visible.sql, which
/// discovery and swipe both ask; DiscoveryVisibilityParityTests holds the two to each other case by case, so a change to
/// the rule is this method, that file, and a run of the tests.
/// </summary>
public static class DiscoveryPolicy
{
    public const double MetersPerMile = 1609.344;

    /// <summary>
    /// A viewer sees people within their radius who also have the viewer within theirs, whom they have not answered,
    /// who did not say no to them, with no block either way, and whose profile is complete; never themselves.
    /// </summary>
    public static bool CanSee(VisibilityFacts facts) =>
        !facts.IsSelf
        && facts.CandidateProfileComplete
        && !facts.ViewerSwipedCandidate
        && !facts.CandidateSaidNoToViewer
        && !facts.BlockedEitherWay
        && facts.DistanceMeters <= facts.ViewerRadiusMiles * MetersPerMile
        && facts.DistanceMeters <= facts.CandidateRadiusMiles * MetersPerMile;

    /// <summary>Whole miles, at least one: the only form in which a distance between two people leaves the API.</summary>
    public static int ShownMiles(double meters) => Math.Max(1, (int)Math.Round(meters / MetersPerMile, MidpointRounding.AwayFromZero));
}
