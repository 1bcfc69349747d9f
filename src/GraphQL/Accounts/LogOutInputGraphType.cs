using Friender.Application.Accounts.LogOut;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class LogOutInputGraphType : InputObjectGraphType<LogOutCommand>
{
    public LogOutInputGraphType() =>
        Field(input => input.RefreshToken).Description("The refresh token of the session to end.");
}
