using Friender.Application.Profiles.Common;
using Friender.Domain.Profiles;
using GraphQL.Types;

namespace Friender.GraphQL.Profiles;

internal sealed class ProfileGraphType : ObjectGraphType<ProfileDto>
{
    public ProfileGraphType()
    {
        Description = "Your own profile. Others never see your ZIP code or your radius; they see your display name, bio, "
            + "hobbies, interests, photos and a distance rounded to whole miles.";
        Field(profile => profile.DisplayName);
        Field(profile => profile.Bio, nullable: true);
        Field(profile => profile.Hobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(profile => profile.Interests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(profile => profile.ZipCode, nullable: true).Description("Your US ZIP code; private to you.");
        Field(profile => profile.FriendRadiusMiles).Description($"How far away, in miles, people you are shown may live ({Profile.MinFriendRadiusMiles}-{Profile.MaxFriendRadiusMiles}).");
        Field("complete", profile => profile.IsComplete)
            .Description("True when hobbies, interests, ZIP code and radius are set: only then can you browse and be shown.");
        Field(profile => profile.UpdatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
