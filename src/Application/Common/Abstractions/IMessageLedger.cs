using Friender.Domain.Messaging;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Where conversations are kept. Each write is one statement that also tells the other person's live subscriptions,
/// in the same transaction, so that an event exists if and only if its data was committed.
/// </summary>
public interface IMessageLedger
{
    /// <summary>
    /// Stores <paramref name="message"/> when its match is open to its sender (<see cref="Domain.Matching.Match.IsOpenTo"/>,
    /// checked in the same statement), lifts the match to the top of both people's lists and notifies the other
    /// person; returns the sender's display name, read in the same round trip. Null, storing nothing, when the match is
    /// not open to the sender, or when a message with the same id is already stored.
    /// </summary>
    Task<string?> AppendAsync(Message message, CancellationToken cancellationToken);

    /// <summary>
    /// Marks as read, at <paramref name="readAt"/>, the unread messages <paramref name="senderId"/> sent in the match
    /// up to then, and tells the sender when there were any. Returns how many were marked.
    /// </summary>
    Task<int> MarkReadAsync(Guid matchId, Guid readerId, Guid senderId, DateTimeOffset readAt, CancellationToken cancellationToken);
}
