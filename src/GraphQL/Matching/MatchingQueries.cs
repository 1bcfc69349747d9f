using Friender.Application.Matching.GetMatch;
using Friender.Application.Matching.GetMatches;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal static class MatchingQueries
{
    public static void AddMatchingQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MatchGraphType>>("match")
            .Description("One of your open matches, with the other person's profile: NOT_FOUND unless it is yours, NOT_MATCHED once it ended.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async context => await context.Send(new GetMatchQuery(context.GetIdArgument("id"))));

        query.Field<NonNullGraphType<MatchConnectionGraphType>>("matches")
            .Description("Your active matches, the most recently active first (a new message lifts its match to the top).")
            .Argument<IntGraphType>("first", argument => argument.DefaultValue = GetMatchesQuery.DefaultFirst)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async context => await context.Send(
                new GetMatchesQuery(context.GetArgument("first", GetMatchesQuery.DefaultFirst), context.GetArgument<string?>("after"))));
    }
}
