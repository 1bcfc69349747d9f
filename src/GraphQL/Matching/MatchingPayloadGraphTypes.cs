using Friender.Application.Matching.BlockUser;
using Friender.Application.Matching.ReportUser;
using Friender.Application.Matching.SwipeUser;
using Friender.Application.Matching.Unmatch;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class SwipePayloadGraphType : ObjectGraphType<SwipeResult>
{
    public SwipePayloadGraphType()
    {
        Name = "SwipePayload";
        Field(payload => payload.Match, type: typeof(MatchGraphType))
            .Description("The new match when this was a yes to someone who had said yes to you; otherwise null.");
    }
}

internal sealed class UnmatchPayloadGraphType : ObjectGraphType<UnmatchResult>
{
    public UnmatchPayloadGraphType()
    {
        Name = "UnmatchPayload";
        Field(payload => payload.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

internal sealed class BlockUserPayloadGraphType : ObjectGraphType<BlockUserResult>
{
    public BlockUserPayloadGraphType()
    {
        Name = "BlockUserPayload";
        Field(payload => payload.BlockedUserId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

internal sealed class ReportUserPayloadGraphType : ObjectGraphType<ReportUserResult>
{
    public ReportUserPayloadGraphType()
    {
        Name = "ReportUserPayload";
        Field(payload => payload.ReportId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.BlockedUserId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
