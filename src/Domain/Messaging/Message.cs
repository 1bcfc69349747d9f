using Friender.Domain.Common;

namespace Friender.Domain.Messaging;

/// <summary>
/// One message in a match's conversation. Only <see cref="Matching.Match.SendMessage"/> creates one, so a message
/// always has a sender who was in the match while it was active.
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

    internal static Message Create(Guid matchId, Guid senderId, string body, DateTimeOffset now)
    {
        var normalized = MessageBody.Normalize(body);
        if (MessageBody.Problem(normalized) is { } problem)
            throw DomainException.InvalidInput(problem);

        return new Message { Id = Guid.CreateVersion7(now), MatchId = matchId, SenderId = senderId, Body = normalized, SentAt = now };
    }
}
