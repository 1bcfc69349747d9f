namespace Friender.Domain.Profiles;

public sealed record ProfileDetails(
    string DisplayName,
    string? Bio,
    IReadOnlyList<string> Hobbies,
    IReadOnlyList<string> Interests,
    int FriendRadiusMiles);
