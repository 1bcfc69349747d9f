using Friender.Domain.Matching;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class ReportCategoryGraphType : EnumerationGraphType<ReportCategory>
{
    public ReportCategoryGraphType() =>
        Description = "What a report is about. OTHER needs a reason in the reporter's words.";
}
