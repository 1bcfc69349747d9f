using Friender.Domain.Profiles;

namespace Friender.Domain.UnitTests.Profiles;

public sealed class TagListTests
{
    [Fact]
    public void Normalize_ShouldTrimCollapseSpacesAndDropRepeatsInAnyCase()
    {
        var tags = TagList.Normalize(["  Board   games ", "board games", "", "   ", "Chess", "CHESS"]);

        Assert.Equal(["Board games", "Chess"], tags);
    }

    [Theory]
    [InlineData(0, 10, false)]
    [InlineData(1, 40, true)]
    [InlineData(20, 10, true)]
    [InlineData(21, 10, false)]
    [InlineData(1, 41, false)]
    public void IsValid_ShouldAllowOneToTwentyTagsOfAtMostFortyCharacters(int count, int length, bool valid)
    {
        var tags = Enumerable.Range(0, count).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('x', length))[..length]).ToList();

        Assert.Equal(valid, TagList.IsValid(tags));
    }

    [Fact]
    public void Shared_ShouldMatchIgnoringCaseAndKeepMyOrder()
    {
        Assert.Equal(["Jazz", "Chess"], TagList.Shared(["Jazz", "Hiking", "Chess"], ["chess", "JAZZ", "Golf"]));
    }
}
