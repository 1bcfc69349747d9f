using Friender.Application.Accounts.GetMe;
using Friender.GraphQL.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal static class AccountQueries
{
    public static void AddAccountQueries(this ObjectGraphType query) =>
        query.Field<MeGraphType>("me")
            .Description("The logged-in person, or null without a valid access token.")
            .ResolveAsync(async context => await context.Send(new GetMeQuery()));
}
