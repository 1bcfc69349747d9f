namespace Friender.Application.Common.Abstractions;

public interface IImageProcessor
{
    /// <summary>The longest side, in pixels, of every image <see cref="Normalize"/> returns.</summary>
    const int MaxSide = 2048;

    /// <summary>
    /// Decodes the image, turns it upright, caps its longest side and re-encodes it without any metadata (EXIF GPS
    /// tags would reveal where someone lives). Throws <see cref="Exceptions.AppException"/> UNSUPPORTED_MEDIA_TYPE
    /// when the bytes are not a readable image.
    /// </summary>
    ProcessedImage Normalize(byte[] content, ImageFormat format);
}

public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
}

public sealed record ProcessedImage(byte[] Content, string ContentType, string Extension, int Width, int Height);
