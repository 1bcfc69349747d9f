using Friender.Application.Matching.BlockUser;
using Friender.Application.Matching.ReportUser;
using Friender.Application.Matching.SwipeUser;
using Friender.Application.Matching.Unmatch;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class SwipeInputGraphType : InputObjectGraphType<SwipeUserCommand>
{
    public SwipeInputGraphType()
    {
        Name = "SwipeInput";
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Someone discover showed you.");
        Field(input => input.Decision, type: typeof(NonNullGraphType<SwipeDecisionGraphType>));
    }
}

internal sealed class UnmatchInputGraphType : InputObjectGraphType<UnmatchCommand>
{
    public UnmatchInputGraphType()
    {
        Name = "UnmatchInput";
        Field(input => input.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

internal sealed class BlockUserInputGraphType : InputObjectGraphType<BlockUserCommand>
{
    public BlockUserInputGraphType()
    {
        Name = "BlockUserInput";
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}

internal sealed class ReportUserInputGraphType : InputObjectGraphType<ReportUserCommand>
{
    public ReportUserInputGraphType()
    {
        Name = "ReportUserInput";
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(input => input.Reason).Description("What happened, 1-1000 characters; read by moderators only.");
    }
}
