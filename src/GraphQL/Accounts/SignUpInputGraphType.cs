using Friender.Application.Accounts.SignUp;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class SignUpInputGraphType : InputObjectGraphType<SignUpCommand>
{
    public SignUpInputGraphType()
    {
        Field(input => input.Username).Description("3-30 characters of a-z, 0-9 and _ (upper case is folded to lower case).");
        Field(input => input.Email);
        Field(input => input.Password).Description("10-128 characters.");
    }
}
