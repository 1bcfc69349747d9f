namespace Friender.Domain.Discovery;

/// <summary>What decides whether a viewer may be shown a candidate; distances are between snapped points.</summary>
public sealed record VisibilityFacts(
    bool IsSelf,
    bool CandidateProfileComplete,
    double DistanceMeters,
    int ViewerRadiusMiles,
    int CandidateRadiusMiles,
    bool ViewerSwipedCandidate,
    bool CandidateSaidNoToViewer,
    bool BlockedEitherWay,
    bool CandidateHidden);
