using Friender.GraphQL.Accounts;
using Friender.GraphQL.Discovery;
using Friender.GraphQL.Matching;
using Friender.GraphQL.Messaging;
using Friender.GraphQL.Moderation;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        this.AddAccountQueries();
        this.AddDiscoveryQueries();
        this.AddMatchingQueries();
        this.AddMessagingQueries();
        this.AddModerationQueries();
    }
}
