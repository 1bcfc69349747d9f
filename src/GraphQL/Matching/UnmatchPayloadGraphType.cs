using Friender.Application.Matching.Unmatch;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class UnmatchPayloadGraphType : ObjectGraphType<UnmatchResult>
{
    public UnmatchPayloadGraphType() =>
        Field(payload => payload.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
}
