using Friender.Application.Accounts.Common;
using Friender.Application.Photos.GetMyPhotos;
using Friender.Application.Profiles.GetMyProfile;
using Friender.Domain.Users;
using Friender.Application.Moderation.AcknowledgeWarning;
using Friender.GraphQL.Common;
using Friender.GraphQL.Moderation;
using Friender.GraphQL.Photos;
using Friender.GraphQL.Profiles;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class MeGraphType : ObjectGraphType<MeDto>
{
    public MeGraphType()
    {
        Description = "The logged-in person's own account. Only its owner ever sees the email address.";
        Field(me => me.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(me => me.Username).Description($"Lower-case, {User.UsernameMinLength}-{User.UsernameMaxLength} characters of a-z, 0-9 and _.");
        Field(me => me.Email);
        Field(me => me.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(me => me.ProfileComplete)
            .Description("False until updateProfile has set hobbies, interests, ZIP code and radius; until then you cannot browse or be shown.");
        Field(me => me.IsModerator).Description("Whether you may use the moderation console; each moderation request checks again.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarningGraphType>>>>("warnings")
            .Description("Moderators' warnings you have not acknowledged yet, oldest first: show them when the app opens.")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetMyWarningsQuery()));
        Field<ProfileGraphType>("profile")
            .Description("Your profile, or null before the first updateProfile.")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetMyProfileQuery()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhotoGraphType>>>>("photos")
            .Description("Your photos in display order, with fresh presigned URLs.")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetMyPhotosQuery()));
    }
}
