namespace Friender.Application.Common.Paging;

/// <summary>A page in the Relay connection shape: edges with opaque cursors, and whether more follow.</summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo)
{
    public IReadOnlyList<T> Nodes => Edges.Select(edge => edge.Node).ToList();

    public static Connection<T> From(IReadOnlyList<T> items, int first, Func<T, string> cursorOf)
    {
        var page = items.Take(first).Select(item => new Edge<T>(cursorOf(item), item)).ToList();
        return new Connection<T>(page, new PageInfo(items.Count > first, page.Count > 0 ? page[^1].Cursor : null));
    }
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, string? EndCursor);
