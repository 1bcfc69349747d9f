using NetTopologySuite.Geometries;

namespace Friender.Infrastructure.Discovery;

/// <summary>
/// A grid cell someone can live in (one per ZIP code centroid's cell, so about 33,000 for the whole country). Discovery
/// walks cells nearest-first and the people of each cell by id, instead of a million individual points.
/// </summary>
internal sealed class DiscoveryCell
{
    public long CellKey { get; set; }

    public Point Location { get; set; } = null!;
}
