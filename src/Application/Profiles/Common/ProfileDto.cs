using Friender.Domain.Profiles;

namespace Friender.Application.Profiles.Common;

/// <summary>A person's own profile, ZIP code included; never shown to anyone else.</summary>
public sealed record ProfileDto(
    string DisplayName,
    string? Bio,
    IReadOnlyList<string> Hobbies,
    IReadOnlyList<string> Interests,
    string? ZipCode,
    int FriendRadiusMiles,
    bool IsComplete,
    DateTimeOffset UpdatedAt)
{
    public static ProfileDto From(Profile profile) =>
        new(profile.DisplayName, profile.Bio, profile.Hobbies, profile.Interests, profile.ZipCode,
            profile.FriendRadiusMiles, profile.IsComplete, profile.UpdatedAt);
}
