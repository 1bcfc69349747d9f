using Friender.Application.Profiles.UpdateProfile;
using Friender.Domain.Profiles;
using GraphQL.Types;

namespace Friender.GraphQL.Profiles;

internal sealed class UpdateProfileInputGraphType : InputObjectGraphType<UpdateProfileCommand>
{
    private static readonly string TagsRule =
        $"{TagList.MinCount}-{TagList.MaxCount} entries of up to {TagList.MaxLength} characters; trimmed, repeats (in any case) dropped.";

    public UpdateProfileInputGraphType()
    {
        Description = "The whole profile: every update replaces all of it.";
        Field(input => input.DisplayName).Description($"1-{Profile.DisplayNameMaxLength} characters.");
        Field(input => input.Bio, nullable: true).Description($"Up to {Profile.BioMaxLength} characters.");
        Field(input => input.Hobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description(TagsRule);
        Field(input => input.Interests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description(TagsRule);
        Field(input => input.ZipCode).Description($"A {ZipCodeCentroid.Length}-digit US ZIP code. It can change {Profile.MaxZipChangesPerDay} times a day.");
        Field(input => input.FriendRadiusMiles).Description($"{Profile.MinFriendRadiusMiles}-{Profile.MaxFriendRadiusMiles} miles.");
    }
}
