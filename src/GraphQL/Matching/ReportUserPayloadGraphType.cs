using Friender.Application.Matching.ReportUser;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class ReportUserPayloadGraphType : ObjectGraphType<ReportUserResult>
{
    public ReportUserPayloadGraphType()
    {
        Field(payload => payload.ReportId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.ReportedUserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(payload => payload.Blocked).Description("Whether the person is now blocked.");
        Field(payload => payload.BlockedUserId, type: typeof(IdGraphType)).Description("The person blocked, or null when the report did not block.");
        Field(payload => payload.Confirmation).Description("What to tell the reporter.");
    }
}
