using System.Globalization;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Paging;
using Friender.Domain.Messaging;

namespace Friender.Application.Realtime;

/// <summary>
/// The cursor of a person's live events: opaque to clients, one per person for all their subscriptions. It names the
/// position of the last event the client saw and the person it belongs to, so another person's cursor is refused.
/// </summary>
public static class LiveCursor
{
    private const string Kind = "live";

    public static string Encode(Guid recipientId, long position) =>
        Cursors.Encode(Kind, position.ToString(CultureInfo.InvariantCulture), recipientId);

    /// <summary>The position in <paramref name="cursor"/>; BAD_USER_INPUT when it is malformed or not the recipient's.</summary>
    public static long Decode(Guid recipientId, string cursor)
    {
        var (value, owner) = Cursors.Decode(Kind, cursor);
        return owner == recipientId && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw Cursors.Invalid();
    }

    /// <summary>What a client whose cursor is older than the journal keeps (or from another database) is told.</summary>
    public static AppException TooOld() => new(
        ErrorCodes.ResyncRequired,
        $"Some events after that cursor are no longer kept (at least {LiveEventRetention.MinimumAge.TotalHours:0} hours or the last "
        + $"{LiveEventRetention.MinimumCount:N0} are): reload with queries, read liveCursor, and subscribe again with it.");
}
