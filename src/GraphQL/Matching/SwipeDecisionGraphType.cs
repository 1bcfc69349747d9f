using Friender.Domain.Matching;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class SwipeDecisionGraphType : EnumerationGraphType<SwipeDecision>
{
    public SwipeDecisionGraphType() =>
        Description = "YES to want to meet; NO to pass. Either is final.";
}
