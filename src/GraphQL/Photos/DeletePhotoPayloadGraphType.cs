using Friender.Application.Photos.DeletePhoto;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class DeletePhotoPayloadGraphType : ObjectGraphType<DeletePhotoResult>
{
    public DeletePhotoPayloadGraphType()
    {
        Field(payload => payload.DeletedPhotoId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.Photos, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PhotoGraphType>>>))
            .Description("Your remaining photos, in order.");
    }
}
