using Friender.Application.Matching.ReportUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class ReportUserPayloadGraphType : ObjectGraphType<ReportUserResult>
{
    public ReportUserPayloadGraphType()
    {
        Field(payload => payload.ReportId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.BlockedUserId, type: typeof(NonNullGraphType<IdGraphType>));
    }
}
