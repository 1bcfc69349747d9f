using Friender.Domain.Profiles;

namespace Friender.Domain.UnitTests.Profiles;

public sealed class LocationGridTests
{
    [Fact]
    public void Snap_TwoPlacesInOneCell_ShouldGiveTheSamePoint()
    {
        var cornerCell = LocationGrid.Snap(40.7500, -73.9970);

        var a = LocationGrid.Snap(cornerCell.Y - 0.004, cornerCell.X - 0.005);
        var b = LocationGrid.Snap(cornerCell.Y + 0.004, cornerCell.X + 0.005);

        Assert.Equal(a.Coordinate, b.Coordinate);
    }

    [Theory]
    [InlineData(40.7506, -73.9973)]
    [InlineData(25.7617, -80.1918)]
    [InlineData(61.2181, -149.9003)]
    [InlineData(18.1806, -66.7500)]
    public void Snap_ShouldMoveAPointLessThanAMileAndAQuarter(double latitude, double longitude)
    {
        var snapped = LocationGrid.Snap(latitude, longitude);

        Assert.True(MilesBetween(latitude, longitude, snapped.Y, snapped.X) < 1.25 * LocationGrid.CellMiles);
    }

    [Fact]
    public void Snap_ShouldBeStable()
    {
        var once = LocationGrid.Snap(34.0522, -118.2437);

        Assert.Equal(once.Coordinate, LocationGrid.Snap(once).Coordinate);
        Assert.Equal(LocationGrid.Srid, once.SRID);
    }

    [Fact]
    public void Snap_PlacesTwoMilesApart_ShouldLandInDifferentCells()
    {
        var a = LocationGrid.Snap(39.7392, -104.9903);
        var b = LocationGrid.Snap(39.7392 + (2.0 / 69), -104.9903);

        Assert.NotEqual(a.Coordinate, b.Coordinate);
    }

    private static double MilesBetween(double lat1, double lon1, double lat2, double lon2)
    {
        const double earthRadiusMiles = 3958.8;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * earthRadiusMiles * Math.Asin(Math.Sqrt(h));
    }

    [Fact]
    public void CellOf_ShouldGiveOneKeyPerCellAndItsCentre()
    {
        var here = LocationGrid.CellOf(40.7506, -73.9970);
        var sameCell = LocationGrid.CellOf(here.Centre.Y + 0.003, here.Centre.X - 0.004);
        var nextRow = LocationGrid.CellOf(here.Centre.Y + (1.0 / 69), here.Centre.X);
        var nextColumn = LocationGrid.CellOf(here.Centre.Y, here.Centre.X + 0.03);

        Assert.Equal(here.Key, sameCell.Key);
        Assert.Equal(here.Centre.Coordinate, sameCell.Centre.Coordinate);
        Assert.Equal(LocationGrid.Snap(40.7506, -73.9970).Coordinate, here.Centre.Coordinate);
        Assert.Equal(3, new[] { here.Key, nextRow.Key, nextColumn.Key }.Distinct().Count());
    }
}
