using Friender.GraphQL.Accounts;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        this.AddAccountQueries();
    }
}
