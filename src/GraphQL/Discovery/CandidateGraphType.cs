using Friender.Application.Discovery.Common;
using Friender.GraphQL.Photos;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Discovery;

internal sealed class CandidateGraphType : ObjectGraphType<CandidateDto>
{
    public CandidateGraphType()
    {
        Description = "Another person as you see them: never their email, ZIP code, radius or location.";
        Field(candidate => candidate.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(candidate => candidate.DisplayName);
        Field(candidate => candidate.Bio, nullable: true);
        Field(candidate => candidate.Hobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(candidate => candidate.Interests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(candidate => candidate.SharedHobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description("Their hobbies that you have too.");
        Field(candidate => candidate.SharedInterests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>))
            .Description("Their interests that you have too.");
        Field(candidate => candidate.Photos, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PhotoGraphType>>>))
            .WithComplexityImpact(1, Domain.Photos.PhotoAlbum.MaxPhotos);
        Field(candidate => candidate.DistanceMiles)
            .Description("Whole miles, at least 1, between the centres of your one-mile grid cells.");
    }
}
