using Friender.Application.Photos.Common;

namespace Friender.Application.Discovery.Common;

/// <summary>
/// How one person appears to another: never their email, ZIP code, radius or location, and their distance only in
/// whole miles between snapped points.
/// </summary>
public sealed record CandidateDto(
    Guid Id,
    string DisplayName,
    string? Bio,
    IReadOnlyList<string> Hobbies,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> SharedHobbies,
    IReadOnlyList<string> SharedInterests,
    IReadOnlyList<PhotoDto> Photos,
    int DistanceMiles);
