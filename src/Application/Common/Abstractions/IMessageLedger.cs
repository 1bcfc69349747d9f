using Friender.Domain.Messaging;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Where conversations are kept. Each write is one statement that also tells the other person's live subscriptions,
/// in the same transaction, so that an event exists if and only if its data was committed.
/// </summary>
public interface IMessageLedger
{
    /// <summary>
    /// Stores <paramref name="message"/>, lifts its match to the top of both people's lists and notifies
    /// <paramref name="recipientId"/>; returns the sender's display name, read in the same round trip. Null, storing
    /// nothing, when the match is no longer open to the sender (it ended after the handler checked it).
    /// </summary>
    Task<string?> AppendAsync(Message message, Guid recipientId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks as read, at <paramref name="readAt"/>, the unread messages <paramref name="senderId"/> sent in the match
    /// up to then, and tells the sender when there were any. Returns how many were marked.
    /// </summary>
    Task<int> MarkReadAsync(Guid matchId, Guid readerId, Guid senderId, DateTimeOffset readAt, CancellationToken cancellationToken);
}
