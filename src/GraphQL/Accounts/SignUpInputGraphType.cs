using Friender.Application.Accounts.Common;
using Friender.Application.Accounts.SignUp;
using Friender.Domain.Users;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class SignUpInputGraphType : InputObjectGraphType<SignUpCommand>
{
    public SignUpInputGraphType()
    {
        Field(input => input.Username).Description($"{User.UsernameMinLength}-{User.UsernameMaxLength} characters of a-z, 0-9 and _ (upper case is folded to lower case).");
        Field(input => input.Email);
        Field(input => input.Password).Description($"{AccountRules.PasswordMinLength}-{AccountRules.PasswordMaxLength} characters.");
    }
}
