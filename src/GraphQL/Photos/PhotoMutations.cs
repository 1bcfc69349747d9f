using Friender.Application.Common.Abstractions;
using Friender.Application.Photos.DeletePhoto;
using Friender.Application.Photos.ReorderPhotos;
using Friender.Domain.Photos;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Photos;

internal static class PhotoMutations
{
    public static void AddPhotoMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UploadPhotoPayloadGraphType>>("uploadPhoto")
            .Description($"Adds a photo (at most {PhotoAlbum.MaxPhotos}). Send it as a multipart request with a 'GraphQL-Preflight: 1' header. "
                + $"The image is re-encoded without its metadata (no EXIF or GPS) and its longest side capped at {IImageProcessor.MaxSide} px.")
            .Argument<NonNullGraphType<UploadPhotoInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<UploadPhotoInput>("input").ToCommand()));

        mutation.Field<NonNullGraphType<DeletePhotoPayloadGraphType>>("deletePhoto")
            .Description("Deletes one of your photos, and its file.")
            .Argument<NonNullGraphType<DeletePhotoInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<DeletePhotoCommand>("input")));

        mutation.Field<NonNullGraphType<ReorderPhotosPayloadGraphType>>("reorderPhotos")
            .Description("Puts your photos in a new order.")
            .Argument<NonNullGraphType<ReorderPhotosInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<ReorderPhotosCommand>("input")));
    }
}
