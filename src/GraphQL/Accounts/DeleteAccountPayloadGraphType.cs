using Friender.Application.Accounts.DeleteAccount;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class DeleteAccountPayloadGraphType : ObjectGraphType<DeleteAccountResult>
{
    public DeleteAccountPayloadGraphType() =>
        Field(payload => payload.Deleted)
            .Description("True once the account and everything that identifies its owner are gone.");
}
