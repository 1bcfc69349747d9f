namespace Friender.Application.Messaging.Common;

public sealed record MessageDto(Guid Id, Guid MatchId, MessageSenderDto Sender, string Body, DateTimeOffset SentAt, DateTimeOffset? ReadAt);

/// <summary>Who sent a message: an id and a display name, nothing else.</summary>
public sealed record MessageSenderDto(Guid Id, string DisplayName);

public sealed record TypingDto(Guid MatchId, Guid UserId);

public sealed record ConversationReadDto(Guid MatchId, Guid ReaderId, DateTimeOffset ReadAt);
