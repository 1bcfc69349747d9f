using Friender.Domain.Discovery;
using NetTopologySuite.Geometries;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Finds the people a viewer may be shown, nearest first, applying <see cref="VisibilityRule"/> in the database, and
/// describes people to a viewer with the same distance.
/// </summary>
public interface ICandidateSource
{
    /// <summary>The next candidates after the cursor, nearest first, with what is shown of them.</summary>
    Task<IReadOnlyList<CandidateHit>> FindAsync(Viewer viewer, CandidateCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>What discovery needs of the viewer's own profile; null until it has a location.</summary>
    Task<ViewerProfile?> GetViewerAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Named people as the viewer is shown them, in the order given; those without a located profile are left out.</summary>
    Task<IReadOnlyList<CandidateHit>> DescribeAsync(Viewer viewer, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken);
}

public sealed record Viewer(Guid UserId, Point Location, int FriendRadiusMiles);

/// <summary>The viewer, with the tags the people shown to them are compared with.</summary>
public sealed record ViewerProfile(Viewer Viewer, IReadOnlyList<string> Hobbies, IReadOnlyList<string> Interests);

public sealed record CandidateHit(
    Guid UserId,
    double DistanceMeters,
    long CellKey,
    string DisplayName,
    string? Bio,
    IReadOnlyList<string> Hobbies,
    IReadOnlyList<string> Interests,
    IReadOnlyList<PhotoReference> Photos);

/// <summary>A stored photo as discovery reads it, in display order.</summary>
public sealed record PhotoReference(Guid Id, string StorageKey, int Position, int Width, int Height);

/// <summary>Where a page of discovery ended: the sort key (cell distance, cell, person) of its last candidate.</summary>
public sealed record CandidateCursor(double DistanceMeters, long CellKey, Guid UserId);
