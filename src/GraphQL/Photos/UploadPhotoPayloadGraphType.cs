using Friender.Application.Photos.UploadPhoto;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class UploadPhotoPayloadGraphType : ObjectGraphType<UploadPhotoResult>
{
    public UploadPhotoPayloadGraphType() => Field(payload => payload.Photo, type: typeof(NonNullGraphType<PhotoGraphType>));
}
