using Friender.Application.Photos.DeletePhoto;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class DeletePhotoInputGraphType : InputObjectGraphType<DeletePhotoCommand>
{
    public DeletePhotoInputGraphType() => Field(input => input.PhotoId, type: typeof(NonNullGraphType<IdGraphType>));
}
