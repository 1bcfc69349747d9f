using Friender.Domain.Common;
using Friender.Domain.Messaging;

namespace Friender.Domain.Matching;

/// <summary>
/// Two people who both said yes. The pair is stored in a fixed order (lower id first) so that a unique constraint
/// can promise one match per pair, whoever swiped last and however concurrently.
/// </summary>
public sealed class Match
{
    private Match()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserLowId { get; private set; }

    public Guid UserHighId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the match was made or its latest message sent: lists of matches put the liveliest first.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public Guid? EndedBy { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>Set while one of the two is suspended or banned: the other can read the conversation, nobody can write.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    public MatchState State => EndedAt is not null ? MatchState.Ended : FrozenAt is not null ? MatchState.Frozen : MatchState.Active;

    public static Match FromMutualYes(Swipe mine, Swipe theirs, DateTimeOffset now)
    {
        if (mine.SwiperId != theirs.TargetId || mine.TargetId != theirs.SwiperId)
            throw new DomainException(DomainErrorCodes.NotMatched, "A match takes two people answering each other.");
        if (mine.Decision != SwipeDecision.Yes || theirs.Decision != SwipeDecision.Yes)
            throw new DomainException(DomainErrorCodes.NotMatched, "A match takes two yeses.");

        var (low, high) = Order(mine.SwiperId, mine.TargetId);
        return new Match { Id = Guid.CreateVersion7(now), UserLowId = low, UserHighId = high, CreatedAt = now, LastActivityAt = now };
    }

    public static (Guid Low, Guid High) Order(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    public bool Involves(Guid userId) => userId == UserLowId || userId == UserHighId;

    /// <summary>
    /// Whether <paramref name="userId"/> may write and hear this conversation now: a participant of a match that has
    /// neither ended nor been frozen. Checked when a request arrives, again when each live event is delivered, and by
    /// append_message.sql under the row lock (ConversationRuleParityTests holds the two together).
    /// </summary>
    public bool IsOpenTo(Guid userId) => State == MatchState.Active && Involves(userId);

    /// <summary>Whether <paramref name="userId"/> may read this conversation: a participant, while it has not ended (frozen is read-only).</summary>
    public bool IsReadableBy(Guid userId) => IsActive && Involves(userId);

    /// <summary>
    /// Refuses anyone but a participant of an active match: FORBIDDEN for outsiders, NOT_MATCHED once ended,
    /// MATCH_FROZEN while one of the two is suspended.
    /// </summary>
    public void EnsureOpenTo(Guid userId)
    {
        EnsureReadableBy(userId);
        if (FrozenAt is not null)
            throw new DomainException(DomainErrorCodes.MatchFrozen, "This conversation is paused while the other person's account is under review.");
    }

    /// <summary>Refuses anyone but a participant of a match that has not ended: FORBIDDEN for outsiders, NOT_MATCHED once ended.</summary>
    public void EnsureReadableBy(Guid userId)
    {
        if (!Involves(userId))
            throw DomainException.NotAllowed("Only the two people of a match can talk in it.");
        if (!IsActive)
            throw new DomainException(DomainErrorCodes.NotMatched, "This match has ended; its conversation is closed.");
    }

    /// <summary>One of the two was suspended or banned.</summary>
    public void Freeze(DateTimeOffset now) => FrozenAt ??= now;

    /// <summary>Their suspension ended.</summary>
    public void Thaw() => FrozenAt = null;

    public Message SendMessage(Guid senderId, string body, DateTimeOffset now, Guid? messageId = null)
    {
        EnsureOpenTo(senderId);
        var message = Message.Create(Id, senderId, body, now, messageId);
        if (now > LastActivityAt)
            LastActivityAt = now;
        return message;
    }

    public Guid OtherThan(Guid userId) =>
        userId == UserLowId ? UserHighId
        : userId == UserHighId ? UserLowId
        : throw DomainException.NotAllowed("Only a participant has an other person in a match.");

    public void End(Guid requestedBy, DateTimeOffset now)
    {
        if (!Involves(requestedBy))
            throw DomainException.NotAllowed("Only a participant can end a match.");
        if (EndedAt is not null)
            throw new DomainException(DomainErrorCodes.NotMatched, "This match has already ended.");

        EndedAt = now;
        EndedBy = requestedBy;
    }
}
