using Friender.Domain.Common;
using Friender.Domain.Profiles;

namespace Friender.Domain.UnitTests.Profiles;

public sealed class ProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly ZipCodeCentroid Chelsea = ZipCodeCentroid.Create("10001", 40.75065, -73.997293);

    [Fact]
    public void Create_WithEverything_ShouldBeCompleteWithTheSnappedLocation()
    {
        var profile = Profile.Create(Guid.CreateVersion7(), Details(), Chelsea, Now);

        Assert.True(profile.IsComplete);
        Assert.Equal(Now, profile.CompletedAt);
        Assert.Equal(LocationGrid.Snap(Chelsea.Location).Coordinate, profile.Location!.Coordinate);
        Assert.Equal(LocationGrid.CellOf(Chelsea.Location).Key, profile.CellKey);
        Assert.NotEqual(Chelsea.Location.Coordinate, profile.Location.Coordinate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Update_WithARadiusOutsideOneToHundredMiles_ShouldThrow(int radius)
    {
        var error = Assert.Throws<DomainException>(() => Profile.Create(Guid.CreateVersion7(), Details(radius: radius), Chelsea, Now));

        Assert.Equal(DomainRefusal.InvalidInput, error.Refusal);
    }

    [Fact]
    public void Update_WithNoHobbies_ShouldThrow()
    {
        Assert.Throws<DomainException>(() => Profile.Create(Guid.CreateVersion7(), Details(hobbies: ["  "]), Chelsea, Now));
    }

    [Fact]
    public void Update_ChangingTheZipCodeAFourthTimeWithinADay_ShouldThrowRateLimited()
    {
        var profile = Profile.Create(Guid.CreateVersion7(), Details(), Chelsea, Now);
        profile.Update(Details(), Zip("10002"), Now.AddHours(1));
        profile.Update(Details(), Zip("10003"), Now.AddHours(2));
        profile.Update(Details(), Zip("10004"), Now.AddHours(3));

        var error = Assert.Throws<DomainException>(() => profile.Update(Details(), Zip("10005"), Now.AddHours(4)));

        Assert.Equal(DomainRefusal.TooOften, error.Refusal);
        Assert.Equal("10004", profile.ZipCode);
    }

    [Fact]
    public void Update_ChangingTheZipCodeAgainADayAfterTheFirstChange_ShouldBeAllowed()
    {
        var profile = Profile.Create(Guid.CreateVersion7(), Details(), Chelsea, Now);
        profile.Update(Details(), Zip("10002"), Now.AddHours(1));
        profile.Update(Details(), Zip("10003"), Now.AddHours(2));
        profile.Update(Details(), Zip("10004"), Now.AddHours(3));

        profile.Update(Details(), Zip("10005"), Now.AddHours(25) + TimeSpan.FromMinutes(1));

        Assert.Equal("10005", profile.ZipCode);
    }

    [Fact]
    public void Update_KeepingTheZipCode_ShouldNotCountAsAChange()
    {
        var profile = Profile.Create(Guid.CreateVersion7(), Details(), Chelsea, Now);

        for (var update = 0; update < 10; update++)
            profile.Update(Details(radius: 10 + update), Chelsea, Now.AddMinutes(update));

        Assert.Empty(profile.ZipChanges);
    }

    private static ProfileDetails Details(int radius = 25, string[]? hobbies = null) =>
        new("Sam", "Hello", hobbies ?? ["Chess"], ["Jazz"], radius);

    private static ZipCodeCentroid Zip(string code) => ZipCodeCentroid.Create(code, 40.7, -74.0);
}
