using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class FrienderSchema : Schema
{
    public FrienderSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription)
        : base(services)
    {
        Description = "Friender: find friends near you. Every operation but signUp, logIn and refreshToken needs "
            + "an access token in the Authorization header (Bearer <token>).";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;

        // Introspection is free to run; without this the standard introspection query alone scores above 200,000.
        this.WithIntrospectionComplexityImpact(0);

        // Every root field runs a use case, which reads the database: that is what a document's cost counts, so one
        // document cannot ask for fifty of them by aliases. (Fields below the root that run a use case say so too.)
        foreach (var field in new IComplexGraphType[] { query, mutation, subscription }.SelectMany(root => root.Fields))
            field.WithComplexityImpact(DocumentLimits.DatabaseFieldImpact);
    }
}
