using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using NetVips;

namespace Friender.Infrastructure.Imaging;

/// <summary>
/// libvips through NetVips (chosen by measurement, see docs/decisions/0008): decode with shrink-on-load, rotate
/// upright from the EXIF orientation, convert to sRGB, cap the longest side, and write a new file with no metadata.
/// </summary>
public sealed class VipsImageProcessor : IImageProcessor
{
    private const long MaxSourcePixels = 100_000_000;

    static VipsImageProcessor()
    {
        // Every upload is different: libvips' operation cache would only hold memory.
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
    }

    public ProcessedImage Normalize(byte[] content, ImageFormat format)
    {
        try
        {
            // Fail on a truncated file rather than storing a half-grey picture; the load is lazy, so this costs no
            // decode beyond what the thumbnail needs anyway (measured the same as thumbnailing the buffer directly).
            using var source = Image.NewFromBuffer(content, failOn: Enums.FailOn.Truncated, access: Enums.Access.Sequential);
            if ((long)source.Width * source.Height > MaxSourcePixels)
                throw new AppException(ErrorCodes.PayloadTooLarge, $"The image has too many pixels (at most {MaxSourcePixels / 1_000_000} megapixels).");

            using var image = source.ThumbnailImage(IImageProcessor.MaxSide, height: IImageProcessor.MaxSide, size: Enums.Size.Down, noRotate: false, outputProfile: "srgb");
            using var flat = image.HasAlpha() && format != ImageFormat.WebP ? image.Flatten(background: [255, 255, 255]) : image.Copy();

            var bytes = format == ImageFormat.WebP
                ? flat.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None)
                : flat.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: Enums.ForeignKeep.None);
            return format == ImageFormat.WebP
                ? new ProcessedImage(bytes, "image/webp", "webp", flat.Width, flat.Height)
                : new ProcessedImage(bytes, "image/jpeg", "jpg", flat.Width, flat.Height);
        }
        catch (VipsException)
        {
            throw new AppException(ErrorCodes.UnsupportedMediaType, "That file could not be read as an image. Upload a JPEG, PNG or WebP photo.");
        }
    }
}
