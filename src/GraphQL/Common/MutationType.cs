using Friender.GraphQL.Accounts;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddAccountMutations();
    }
}
