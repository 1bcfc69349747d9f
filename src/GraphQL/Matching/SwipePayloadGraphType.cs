using Friender.Application.Matching.SwipeUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class SwipePayloadGraphType : ObjectGraphType<SwipeResult>
{
    public SwipePayloadGraphType() =>
        Field(payload => payload.Match, type: typeof(MatchGraphType))
            .Description("The new match when this was a yes to someone who had said yes to you; otherwise null.");
}
