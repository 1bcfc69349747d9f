using Friender.Application.Photos.ReorderPhotos;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal sealed class ReorderPhotosInputGraphType : InputObjectGraphType<ReorderPhotosCommand>
{
    public ReorderPhotosInputGraphType() =>
        Field(input => input.PhotoIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            .Description("Every one of your photo ids, once each, in the new order.");
}
