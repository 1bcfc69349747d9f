using Friender.Application.Accounts.ExportMyData;
using Friender.Application.Accounts.GetMe;
using Friender.GraphQL.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal static class AccountQueries
{
    public static void AddAccountQueries(this ObjectGraphType query)
    {
        query.Field<MeGraphType>("me")
            .Description("The logged-in person, or null without a valid access token.")
            .ResolveAsync(async context => await context.Send(new GetMeQuery()));

        query.Field<NonNullGraphType<StringGraphType>>("exportMyData")
            .Description("Everything stored about you, as one JSON document: account, profile, photos (fresh URLs), the "
                + "answers you gave, your matches with every message sent and received, and the blocks and reports you made.")
            .ResolveAsync(async context => await context.Send(new ExportMyDataQuery()));
    }
}
