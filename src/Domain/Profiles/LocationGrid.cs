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
    private const long ColumnsPerRow = 10_000_000;

    public static Point Snap(double latitude, double longitude) => CellOf(latitude, longitude).Centre;

    public static Point Snap(Point point) => Snap(point.Y, point.X);

    /// <summary>The cell a point falls in: its key (row and column) and its centre.</summary>
    public static GridCell CellOf(double latitude, double longitude)
    {
        const double latitudeStep = CellMiles / MilesPerDegreeOfLatitude;
        var row = (long)Math.Floor(latitude / latitudeStep);
        var centreLatitude = (row + 0.5) * latitudeStep;

        // Rows are fixed, so the cell width of a row depends on the row alone, never on where inside it a point was.
        var milesPerDegreeOfLongitude = MilesPerDegreeOfLatitude * Math.Cos(centreLatitude * Math.PI / 180);
        var longitudeStep = CellMiles / Math.Max(milesPerDegreeOfLongitude, 0.01);
        var column = (long)Math.Floor(longitude / longitudeStep);
        var centreLongitude = (column + 0.5) * longitudeStep;

        return new GridCell((row * ColumnsPerRow) + column + (ColumnsPerRow / 2), new Point(centreLongitude, centreLatitude) { SRID = Srid });
    }

    public static GridCell CellOf(Point point) => CellOf(point.Y, point.X);
}
