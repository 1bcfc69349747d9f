using NetTopologySuite.Geometries;

namespace Friender.Domain.Profiles;

/// <summary>One cell of the location grid: everyone in it has the same location, its centre.</summary>
public sealed record GridCell(long Key, Point Centre);
