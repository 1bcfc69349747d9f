using Friender.Domain.Common;

namespace Friender.Domain.Messaging;

/// <summary>
/// One message in a match's conversation, always from a sender who was in the match while it was open to them: either
/// <see cref="Matching.Match.SendMessage"/> checked that in memory, or the message is a <see cref="Draft"/> that only the
/// statement checking the same rule where it stores it may store.
/// </summary>
public sealed class Message
{
    private Message()
    {
    }

    public Guid Id { get; private set; }

    public Guid MatchId { get; private set; }

    public Guid SenderId { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>
    /// A message whose match was not loaded: sendMessage stores it in one round trip with the statement that checks
    /// <see cref="Matching.Match.IsOpenTo"/> under the match's row lock (append_message.sql, held to the Domain by a
    /// parity test), and loads the match only to explain a refusal. The body's rules apply here as everywhere.
    /// </summary>
    public static Message Draft(Guid matchId, Guid senderId, string body, DateTimeOffset now, Guid id) =>
        Create(matchId, senderId, body, now, id);

    /// <param name="id">The message's id when the caller chose it (so that sending again finds it), else a new one.</param>
    internal static Message Create(Guid matchId, Guid senderId, string body, DateTimeOffset now, Guid? id = null)
    {
        var normalized = MessageBody.Normalize(body);
        if (MessageBody.Problem(normalized) is { } problem)
            throw DomainException.InvalidInput(problem);

        // Kept to the microsecond, as stored: the answer to the sender shows the time every later read shows.
        var sentAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        return new Message { Id = id ?? Guid.CreateVersion7(now), MatchId = matchId, SenderId = senderId, Body = normalized, SentAt = sentAt };
    }
}
