namespace Friender.GraphQL.IntegrationTests.Photos;

/// <summary>Reads the marker segments of a JPEG file, where EXIF (APP1), XMP and other metadata live.</summary>
internal static class Jpeg
{
    public static IReadOnlyList<byte> ApplicationSegmentsExceptJfif(byte[] jpeg)
    {
        var found = new List<byte>();
        var index = 2;
        while (index + 4 <= jpeg.Length && jpeg[index] == 0xFF)
        {
            var marker = jpeg[index + 1];
            if (marker == 0xDA)
                break;
            var length = (jpeg[index + 2] << 8) | jpeg[index + 3];
            if (marker is >= 0xE1 and <= 0xEF || marker == 0xFE)
                found.Add(marker);
            index += 2 + length;
        }

        return found;
    }
}
