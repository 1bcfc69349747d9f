using NetTopologySuite.Geometries;

namespace Friender.Domain.Profiles;

/// <summary>
/// Snaps locations to the centre of a cell about one mile on a side before anything is computed from them. Everyone in
/// a cell then has the very same point, so no distance, radius filter or ordering can tell them apart or locate them
/// more finely than the cell, however an observer moves around (trilateration defeats rounding and noise, not this).
/// </summary>
public static class LocationGrid
{
    public const double CellMiles = 1.0;
    public const int Srid = 4326;
    private const double MilesPerDegreeOfLatitude = 69.0;

    public static Point Snap(double latitude, double longitude)
    {
        var latitudeStep = CellMiles / MilesPerDegreeOfLatitude;
        var snappedLatitude = (Math.Floor(latitude / latitudeStep) + 0.5) * latitudeStep;

        // Rows are fixed, so the cell width of a row depends on the row alone, never on where inside it a point was.
        var milesPerDegreeOfLongitude = MilesPerDegreeOfLatitude * Math.Cos(snappedLatitude * Math.PI / 180);
        var longitudeStep = CellMiles / Math.Max(milesPerDegreeOfLongitude, 0.01);
        var snappedLongitude = (Math.Floor(longitude / longitudeStep) + 0.5) * longitudeStep;

        return new Point(snappedLongitude, snappedLatitude) { SRID = Srid };
    }

    public static Point Snap(Point point) => Snap(point.Y, point.X);

    /// <summary>
    /// Where a person is placed: the centre of their cell, moved by at most 5 cm in a direction derived from their id
    /// alone. The offset carries nothing about where they are, but gives everyone in a cell a distinct distance from
    /// any viewer, so nearest-first order has no ties and pages cannot skip or repeat anyone.
    /// </summary>
    public static Point Place(Guid userId, Point location)
    {
        var cell = Snap(location);
        Span<byte> bytes = stackalloc byte[16];
        userId.TryWriteBytes(bytes);
        var dx = ((BitConverter.ToUInt16(bytes[12..14]) / (double)ushort.MaxValue) - 0.5) * MaxOffsetDegrees;
        var dy = ((BitConverter.ToUInt16(bytes[14..16]) / (double)ushort.MaxValue) - 0.5) * MaxOffsetDegrees;
        return new Point(cell.X + dx, cell.Y + dy) { SRID = Srid };
    }

    private const double MaxOffsetDegrees = 1e-6;
}
