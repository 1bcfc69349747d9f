using Friender.Application.Matching.BlockUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class BlockUserPayloadGraphType : ObjectGraphType<BlockUserResult>
{
    public BlockUserPayloadGraphType() =>
        Field(payload => payload.BlockedUserId, type: typeof(NonNullGraphType<IdGraphType>));
}
