namespace Friender.Application.Realtime;

/// <summary>
/// Something one person should hear about live. Events carry ids only: what the recipient may see is loaded and
/// authorised when the event is delivered, not when it was raised. Events about stored data (messages, matches, read
/// receipts, ended matches) are kept for replay and numbered in their recipient's own sequence
/// (<see cref="Position"/>, given by the store when the event commits); typing and log-outs are not kept.
/// </summary>
public abstract record RealtimeEvent(Guid RecipientId)
{
    /// <summary>The event's place in its recipient's sequence; null for events that are not kept.</summary>
    public long? Position { get; init; }

    /// <summary>Whether the event is kept for replay: everything about stored data.</summary>
    public bool IsKept => this is MessageSentEvent or MatchCreatedEvent or ConversationReadEvent or MatchEndedEvent;
}

public sealed record MessageSentEvent(Guid RecipientId, Guid MatchId, Guid MessageId) : RealtimeEvent(RecipientId);

public sealed record MatchCreatedEvent(Guid RecipientId, Guid MatchId) : RealtimeEvent(RecipientId);

/// <summary>A match of the recipient ended (either person unmatched or blocked); sent to both people.</summary>
public sealed record MatchEndedEvent(Guid RecipientId, Guid MatchId) : RealtimeEvent(RecipientId);

public sealed record TypingStartedEvent(Guid RecipientId, Guid MatchId, Guid TypistId) : RealtimeEvent(RecipientId);

public sealed record ConversationReadEvent(Guid RecipientId, Guid MatchId, Guid ReaderId, DateTimeOffset ReadAt) : RealtimeEvent(RecipientId);

/// <summary>
/// An access token of the recipient was revoked (log-out): sockets opened with it must close. With
/// <see cref="AllTokens"/> (the account was deleted) every socket of the recipient closes.
/// </summary>
public sealed record AccessTokenRevokedEvent(Guid RecipientId, Guid AccessTokenId) : RealtimeEvent(RecipientId)
{
    public static readonly Guid AllTokens = Guid.Empty;

    /// <summary>The account was suspended or banned: its sockets close, and every replica answers its tokens ACCOUNT_SUSPENDED.</summary>
    public static readonly Guid Suspended = new("ffffffff-ffff-ffff-ffff-fffffffffff1");

    /// <summary>The account's suspension ended: its tokens are accepted again (nothing closes).</summary>
    public static readonly Guid Restored = new("ffffffff-ffff-ffff-ffff-fffffffffff2");

    public static AccessTokenRevokedEvent Everywhere(Guid recipientId) => new(recipientId, AllTokens);

    public static AccessTokenRevokedEvent Suspension(Guid recipientId) => new(recipientId, Suspended);

    public static AccessTokenRevokedEvent Restoration(Guid recipientId) => new(recipientId, Restored);

    public bool Revokes(Guid accessTokenId) => AccessTokenId == AllTokens || AccessTokenId == Suspended || AccessTokenId == accessTokenId;
}
