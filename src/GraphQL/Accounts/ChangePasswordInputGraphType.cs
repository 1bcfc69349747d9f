using Friender.Application.Accounts.ChangePassword;
using Friender.Application.Accounts.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class ChangePasswordInputGraphType : InputObjectGraphType<ChangePasswordCommand>
{
    public ChangePasswordInputGraphType() =>
        Field(input => input.NewPassword)
            .Description($"{AccountRules.PasswordMinLength}-{AccountRules.PasswordMaxLength} characters.");
}
