using Friender.Application.Matching.ReportUser;
using Friender.Domain.Matching;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class ReportUserInputGraphType : InputObjectGraphType<ReportUserCommand>
{
    public ReportUserInputGraphType()
    {
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(input => input.Reason).Description($"What happened, 1-{Report.ReasonMaxLength} characters; read by moderators only.");
    }
}
