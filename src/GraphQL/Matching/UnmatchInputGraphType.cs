using Friender.Application.Matching.Unmatch;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class UnmatchInputGraphType : InputObjectGraphType<UnmatchCommand>
{
    public UnmatchInputGraphType() =>
        Field(input => input.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
}
