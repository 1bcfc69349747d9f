namespace Friender.Domain.Discovery;

/// <summary>Distances between people: measured in metres between snapped points, shown in whole miles.</summary>
public static class Distance
{
    /// <summary>The mile discovery_reach.sql also uses, so a radius's edge falls on the same metre in C# and SQL.</summary>
    public const double MetersPerMile = 1609.344;

    /// <summary>Whole miles, at least one: the only form in which a distance between two people leaves the API.</summary>
    public static int ShownMiles(double meters) => Math.Max(1, (int)Math.Round(meters / MetersPerMile, MidpointRounding.AwayFromZero));
}
