using System.Globalization;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Paging;

namespace Friender.Application.Discovery.Common;

internal static class CandidateCursors
{
    private const string Kind = "candidate";

    public static string Encode(CandidateHit hit) =>
        Cursors.Encode(Kind, Cursors.Number(hit.DistanceMeters) + "/" + hit.CellKey.ToString(CultureInfo.InvariantCulture), hit.UserId);

    public static CandidateCursor? Decode(string? cursor)
    {
        if (cursor is null)
            return null;
        var (value, id) = Cursors.Decode(Kind, cursor);
        var parts = value.Split('/');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cell)
            ? new CandidateCursor(Cursors.ParseNumber(parts[0]), cell, id)
            : throw Cursors.Invalid();
    }
}
