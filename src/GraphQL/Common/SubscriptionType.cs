using Friender.GraphQL.Messaging;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Description = "Live events over the WebSocket on /graphql (graphql-transport-ws). Each one is checked against your "
            + "matches when it is delivered: after an unmatch or a block nothing more of that match arrives.";
        this.AddMessagingSubscriptions();
    }
}
