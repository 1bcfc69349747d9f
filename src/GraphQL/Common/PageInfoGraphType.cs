using Friender.Application.Common.Paging;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Field(info => info.HasNextPage);
        Field(info => info.EndCursor, nullable: true).Description("Pass it as 'after' to get the next page.");
        Field(info => info.HasPreviousPage).Description("For lists read backwards (conversation): whether older items exist.");
        Field(info => info.StartCursor, nullable: true).Description("Pass it as 'before' to get the previous page.");
    }
}
