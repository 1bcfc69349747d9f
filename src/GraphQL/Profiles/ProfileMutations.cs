using Friender.Application.Profiles.UpdateProfile;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Profiles;

internal static class ProfileMutations
{
    public static void AddProfileMutations(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<UpdateProfilePayloadGraphType>>("updateProfile")
            .Description("Sets your whole profile. A complete profile (hobbies, interests, ZIP code, radius) is needed to browse and be shown.")
            .Argument<NonNullGraphType<UpdateProfileInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<UpdateProfileCommand>("input")));
}
