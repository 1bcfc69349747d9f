using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;

namespace Friender.Application.UnitTests.Photos;

public sealed class ImageSignatureTests
{
    [Fact]
    public void Detect_ShouldRecogniseJpegPngAndWebPByTheirFirstBytes()
    {
        Assert.Equal(ImageFormat.Jpeg, ImageSignature.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal(ImageFormat.Png, ImageSignature.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal(ImageFormat.WebP, ImageSignature.Detect("RIFF\0\0\0\0WEBPVP8 "u8));
    }

    [Theory]
    [InlineData("GIF89a")]
    [InlineData("hello, I am a text file")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ")]
    [InlineData("")]
    public void Detect_ShouldRefuseAnythingElse(string content)
    {
        Assert.Null(ImageSignature.Detect(System.Text.Encoding.Latin1.GetBytes(content)));
    }
}
