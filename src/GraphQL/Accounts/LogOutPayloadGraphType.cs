using Friender.Application.Accounts.LogOut;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class LogOutPayloadGraphType : ObjectGraphType<LogOutResult>
{
    public LogOutPayloadGraphType() =>
        Field(payload => payload.LoggedOut)
            .Description("True once the session's refresh tokens and the access token used for this call are revoked.");
}
