using NetTopologySuite.Geometries;

namespace Friender.Domain.Profiles;

/// <summary>The centre of a US ZIP code tabulation area (Census ZCTA), the only location a person ever gives us.</summary>
public sealed class ZipCodeCentroid
{
    public const int Length = 5;

    private ZipCodeCentroid()
    {
    }

    public string Code { get; private set; } = null!;

    public Point Location { get; private set; } = null!;

    public static ZipCodeCentroid Create(string code, double latitude, double longitude) =>
        new() { Code = code, Location = new Point(longitude, latitude) { SRID = LocationGrid.Srid } };
}
