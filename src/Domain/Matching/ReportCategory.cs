namespace Friender.Domain.Matching;

/// <summary>What a report is about, so that moderators can sort and count reports (stored by name).</summary>
public enum ReportCategory
{
    Other = 0,
    Harassment = 1,
    SpamOrScam = 2,
    FakeProfile = 3,
    InappropriatePhoto = 4,
    Underage = 5,
}
