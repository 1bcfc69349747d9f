using Friender.Application.Discovery.Discover;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Discovery;

internal static class DiscoveryQueries
{
    public static void AddDiscoveryQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<CandidateConnectionGraphType>>("discover")
            .Description("People near you, nearest first: within your friend radius, with you within theirs, whom you have "
                + "not answered yet. Answer them with swipe and ask again for the next ones; 'after' pages ahead without answering.")
            .Argument<IntGraphType>("first", argument => argument.DefaultValue = DiscoverQuery.DefaultFirst)
            .Argument<StringGraphType>("after")
            .ResolveAsync(async context => await context.Send(
                new DiscoverQuery(context.GetArgument("first", DiscoverQuery.DefaultFirst), context.GetArgument<string?>("after"))));
}
