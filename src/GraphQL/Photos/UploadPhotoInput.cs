using Friender.Application.Photos.Common;
using Friender.Application.Photos.UploadPhoto;

namespace Friender.GraphQL.Photos;

internal sealed record UploadPhotoInput(IFormFile File)
{
    public UploadPhotoCommand ToCommand() => new(new PhotoUpload(File.OpenReadStream(), File.Length));
}
