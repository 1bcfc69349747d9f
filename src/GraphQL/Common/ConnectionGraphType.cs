using Friender.Application.Common.Paging;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

/// <summary>The Relay connection shape for any node type: edges { cursor node }, nodes, pageInfo.</summary>
internal abstract class ConnectionGraphType<TNode, TNodeGraphType, TEdgeGraphType> : ObjectGraphType<Connection<TNode>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : EdgeGraphType<TNode, TNodeGraphType>
{
    protected ConnectionGraphType()
    {
        Field(connection => connection.Edges, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>));
        Field(connection => connection.Nodes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>));
        Field(connection => connection.PageInfo, type: typeof(NonNullGraphType<PageInfoGraphType>));
    }
}
