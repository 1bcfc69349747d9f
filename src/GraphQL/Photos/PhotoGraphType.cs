using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class PhotoGraphType : ObjectGraphType<PhotoDto>
{
    public PhotoGraphType()
    {
        Description = "A photo. Its URL is signed for a short time; ask again for a fresh one.";
        Field(photo => photo.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field("url", photo => photo.Url.AbsoluteUri).Description("A presigned GET URL, valid until urlExpiresAt (15 minutes).");
        Field(photo => photo.UrlExpiresAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(photo => photo.Position).Description("0 is shown first.");
        Field(photo => photo.Width).Description($"In pixels, after the longest side was capped at {IImageProcessor.MaxSide}.");
        Field(photo => photo.Height);
    }
}
