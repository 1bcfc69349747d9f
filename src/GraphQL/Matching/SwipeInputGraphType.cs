using Friender.Application.Matching.SwipeUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class SwipeInputGraphType : InputObjectGraphType<SwipeUserCommand>
{
    public SwipeInputGraphType()
    {
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Someone discover showed you.");
        Field(input => input.Decision, type: typeof(NonNullGraphType<SwipeDecisionGraphType>));
    }
}
