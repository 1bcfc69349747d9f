namespace Friender.Application.Messaging.Common;

/// <summary>
/// Older pages of a conversation from a read replica that may lag (ADR 0029). A page only reaches back in time, so
/// once the replica has replayed everything committed until well after the page's cursor, it holds every message of
/// the page: nothing is hidden by lag but a read receipt a moment old. The caller has authorised the reader on the
/// primary and reads there whenever this says no.
/// </summary>
public interface IConversationArchive
{
    /// <summary>
    /// How long after a message's sending time it is surely committed: its statement takes the time just before it runs.
    /// Also covers modest clock skew between the API and the database.
    /// </summary>
    public static readonly TimeSpan SettledAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Up to <paramref name="take"/> messages of the match sent before (<paramref name="sentAt"/>, <paramref name="id"/>),
    /// newest first, or null when no replica is configured or it has not yet replayed past <paramref name="sentAt"/>
    /// plus <see cref="SettledAfter"/>.
    /// </summary>
    Task<IReadOnlyList<MessageDto>?> TryReadBeforeAsync(Guid matchId, DateTimeOffset sentAt, Guid id, int take, CancellationToken cancellationToken);
}
