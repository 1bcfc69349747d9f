using Friender.Application.Matching.Common;
using Friender.GraphQL.Discovery;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class MatchGraphType : ObjectGraphType<MatchDto>
{
    public MatchGraphType()
    {
        Name = "Match";
        Description = "Two people who both said yes.";
        Field(match => match.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(match => match.User, type: typeof(NonNullGraphType<CandidateGraphType>)).Description("The other person.");
        Field(match => match.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}

internal sealed class MatchEdgeGraphType() : Common.EdgeGraphType<MatchDto, MatchGraphType>("MatchEdge");

internal sealed class MatchConnectionGraphType() : Common.ConnectionGraphType<MatchDto, MatchGraphType, MatchEdgeGraphType>("MatchConnection");
