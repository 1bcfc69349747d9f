namespace Friender.Domain.Discovery;

/// <summary>
/// Who may be shown to whom, stated for people to read. Nothing calls it at run time: the rule in force is
/// <c>discovery_visible</c> (Infrastructure/Persistence/Sql/Functions/discovery_visible.sql), which discovery and swipe
/// ask in the database, because only there can it filter the walk over a million people.
/// <c>DiscoveryVisibilityParityTests</c> holds that SQL to this statement case by case, so a change to the rule is this
/// method, that file, a migration (make sql-migration) and a run of the tests.
/// </summary>
public static class VisibilityRule
{
    /// <summary>
    /// A viewer sees people within their radius who also have the viewer within theirs, whom they have not answered,
    /// who did not say no to them, with no block either way, whose profile is complete and who is not hidden by
    /// moderation (Profile.HiddenAt); never themselves.
    /// </summary>
    public static bool LetsViewerSee(VisibilityFacts facts) =>
        !facts.IsSelf
        && facts.CandidateProfileComplete
        && !facts.CandidateHidden
        && !facts.ViewerSwipedCandidate
        && !facts.CandidateSaidNoToViewer
        && !facts.BlockedEitherWay
        && facts.DistanceMeters <= facts.ViewerRadiusMiles * Distance.MetersPerMile
        && facts.DistanceMeters <= facts.CandidateRadiusMiles * Distance.MetersPerMile;
}
