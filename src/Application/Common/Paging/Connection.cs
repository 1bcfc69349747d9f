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

    /// <summary>
    /// A page read backwards: <paramref name="newestFirst"/> holds up to <paramref name="last"/> + 1 items, newest
    /// first; the page shows the newest <paramref name="last"/> of them oldest-first, and says whether older ones exist.
    /// </summary>
    public static Connection<T> FromLast(IReadOnlyList<T> newestFirst, int last, Func<T, string> cursorOf)
    {
        var page = newestFirst.Take(last).Reverse().Select(item => new Edge<T>(cursorOf(item), item)).ToList();
        return new Connection<T>(page, new PageInfo(
            HasNextPage: false,
            EndCursor: page.Count > 0 ? page[^1].Cursor : null,
            HasPreviousPage: newestFirst.Count > last,
            StartCursor: page.Count > 0 ? page[0].Cursor : null));
    }
}

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, string? EndCursor, bool HasPreviousPage = false, string? StartCursor = null);
