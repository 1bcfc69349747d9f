using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;

namespace Friender.Application.Discovery.Common;

internal static class CandidateCursors
{
    private const string Kind = "candidate";

    public static string Encode(CandidateHit hit) => Cursors.Encode(Kind, Cursors.Number(hit.DistanceMeters), hit.UserId);

    public static CandidateCursor? Decode(string? cursor)
    {
        if (cursor is null)
            return null;
        var (value, id) = Cursors.Decode(Kind, cursor);
        return new CandidateCursor(Cursors.ParseNumber(value), id);
    }
}
