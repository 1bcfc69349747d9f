using Friender.Application.Photos.ReorderPhotos;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class ReorderPhotosPayloadGraphType : ObjectGraphType<ReorderPhotosResult>
{
    public ReorderPhotosPayloadGraphType() =>
        Field(payload => payload.Photos, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PhotoGraphType>>>));
}
