using Friender.Application.Common.Abstractions;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// The next few hundred candidates of one viewer, computed by one full discovery query and re-checked by key on every
/// read. Someone who has answered thousands of nearby people pays the long nearest-first walk once per queue, not
/// once per page.
/// </summary>
internal sealed record CandidateQueue(string Basis, IReadOnlyList<Guid> CandidateIds, bool Exhausted, DateTimeOffset GeneratedAt)
{
    public static string BasisOf(Viewer viewer) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{viewer.Location.X:R},{viewer.Location.Y:R},{viewer.FriendRadiusMiles}");
}
