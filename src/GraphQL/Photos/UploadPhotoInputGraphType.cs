using Friender.Application.Photos.UploadPhoto;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class UploadPhotoInputGraphType : InputObjectGraphType<UploadPhotoInput>
{
    public UploadPhotoInputGraphType() =>
        Field(input => input.File, type: typeof(NonNullGraphType<UploadGraphType>))
            .Description($"A JPEG, PNG or WebP image of at most {UploadPhotoHandler.MaxMegabytes} MB.");
}
