using Friender.Application.Common.Paging;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal abstract class EdgeGraphType<TNode, TNodeGraphType> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType()
    {
        Field(edge => edge.Cursor);
        Field(edge => edge.Node, type: typeof(NonNullGraphType<TNodeGraphType>));
    }
}
