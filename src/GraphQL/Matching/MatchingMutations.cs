using Friender.Application.Matching.BlockUser;
using Friender.Application.Matching.ReportUser;
using Friender.Application.Matching.SwipeUser;
using Friender.Application.Matching.Unmatch;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal static class MatchingMutations
{
    public static void AddMatchingMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SwipePayloadGraphType>>("swipe")
            .Description("Says yes or no to a person shown in discovery. Two yeses make a match. Answers are final.")
            .Argument<NonNullGraphType<SwipeInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<SwipeUserCommand>("input")));

        mutation.Field<NonNullGraphType<UnmatchPayloadGraphType>>("unmatch")
            .Description("Ends a match for both people.")
            .Argument<NonNullGraphType<UnmatchInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<UnmatchCommand>("input")));

        mutation.Field<NonNullGraphType<BlockUserPayloadGraphType>>("blockUser")
            .Description("Hides you and this person from each other for good and ends any match between you.")
            .Argument<NonNullGraphType<BlockUserInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<BlockUserCommand>("input")));

        mutation.Field<NonNullGraphType<ReportUserPayloadGraphType>>("reportUser")
            .Description("Reports a person to the moderators: a category, optional details, optionally one photo or message; blocks them unless block is false.")
            .Argument<NonNullGraphType<ReportUserInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<ReportUserCommand>("input")));
    }
}
