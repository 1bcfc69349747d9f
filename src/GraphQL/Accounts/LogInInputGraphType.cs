using Friender.Application.Accounts.LogIn;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class LogInInputGraphType : InputObjectGraphType<LogInCommand>
{
    public LogInInputGraphType()
    {
        Field(input => input.Username).Description("The username or the email address of the account.");
        Field(input => input.Password);
    }
}
