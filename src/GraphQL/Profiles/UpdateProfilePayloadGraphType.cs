using Friender.Application.Profiles.UpdateProfile;
using GraphQL.Types;

namespace Friender.GraphQL.Profiles;

internal sealed class UpdateProfilePayloadGraphType : ObjectGraphType<UpdateProfileResult>
{
    public UpdateProfilePayloadGraphType() =>
        Field(payload => payload.Profile, type: typeof(NonNullGraphType<ProfileGraphType>));
}
