using Friender.Application.Profiles.UpdateProfile;
using GraphQL.Types;

namespace Friender.GraphQL.Profiles;

internal sealed class UpdateProfileInputGraphType : InputObjectGraphType<UpdateProfileCommand>
{
    public UpdateProfileInputGraphType()
    {
        Description = "The whole profile: every update replaces all of it.";
        Field(input => input.DisplayName).Description("1-50 characters.");
        Field(input => input.Bio, nullable: true).Description("Up to 500 characters.");
        Field(input => input.Hobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description("1-20 entries of up to 40 characters; trimmed, repeats (in any case) dropped.");
        Field(input => input.Interests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description("1-20 entries of up to 40 characters; trimmed, repeats (in any case) dropped.");
        Field(input => input.ZipCode).Description("A 5-digit US ZIP code. It can change 3 times a day.");
        Field(input => input.FriendRadiusMiles).Description("1-100 miles.");
    }
}
