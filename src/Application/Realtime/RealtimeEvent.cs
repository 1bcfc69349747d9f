namespace Friender.Application.Realtime;

/// <summary>
/// Something one person should hear about live. Events carry ids only: what the recipient may see is loaded and
/// authorised when the event is delivered, not when it was raised.
/// </summary>
public abstract record RealtimeEvent(Guid RecipientId);

public sealed record MessageSentEvent(Guid RecipientId, Guid MatchId, Guid MessageId) : RealtimeEvent(RecipientId);

public sealed record MatchCreatedEvent(Guid RecipientId, Guid MatchId) : RealtimeEvent(RecipientId);

public sealed record TypingStartedEvent(Guid RecipientId, Guid MatchId, Guid TypistId) : RealtimeEvent(RecipientId);

public sealed record ConversationReadEvent(Guid RecipientId, Guid MatchId, Guid ReaderId, DateTimeOffset ReadAt) : RealtimeEvent(RecipientId);

/// <summary>
/// An access token of the recipient was revoked (log-out): sockets opened with it must close. With
/// <see cref="AllTokens"/> (the account was deleted) every socket of the recipient closes.
/// </summary>
public sealed record AccessTokenRevokedEvent(Guid RecipientId, Guid AccessTokenId) : RealtimeEvent(RecipientId)
{
    public static readonly Guid AllTokens = Guid.Empty;

    public static AccessTokenRevokedEvent Everywhere(Guid recipientId) => new(recipientId, AllTokens);

    public bool Revokes(Guid accessTokenId) => AccessTokenId == AllTokens || AccessTokenId == accessTokenId;
}
