namespace Friender.Domain.Matching;

/// <summary>Where a match stands: open, read-only while one of the two is suspended, or ended for good.</summary>
public enum MatchState
{
    Active,
    Frozen,
    Ended,
}
