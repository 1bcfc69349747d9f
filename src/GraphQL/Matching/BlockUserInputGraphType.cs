using Friender.Application.Matching.BlockUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class BlockUserInputGraphType : InputObjectGraphType<BlockUserCommand>
{
    public BlockUserInputGraphType() =>
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>));
}
