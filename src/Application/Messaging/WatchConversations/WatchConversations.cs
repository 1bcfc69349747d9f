using Friender.Application.Common.Abstractions;
using Friender.Application.Matching.Common;
using Friender.Application.Messaging.Common;
using Friender.Application.Realtime;
using Mediator;

namespace Friender.Application.Messaging.WatchConversations;

/// <summary>
/// A live subscription of mine. With <see cref="After"/> (the cursor of the last event I saw, on any subscription)
/// it first replays what I missed since, then goes live.
/// </summary>
public abstract record WatchQuery<T>(string? After) : IQuery<IObservable<LiveItem<T>>>;

/// <summary>The other person's new messages in any of my open matches, as they arrive.</summary>
public sealed record WatchMessagesQuery(string? After = null) : WatchQuery<MessageDto>(After);

/// <summary>My new matches, as they are made (whichever of us said yes last).</summary>
public sealed record WatchMatchesQuery(string? After = null) : WatchQuery<MatchDto>(After);

/// <summary>My matches that ended (either of us unmatched or blocked).</summary>
public sealed record WatchEndedMatchesQuery(string? After = null) : WatchQuery<MatchEndedDto>(After);

/// <summary>The other person of one of my open matches read my messages.</summary>
public sealed record WatchReadsQuery(string? After = null) : WatchQuery<ConversationReadDto>(After);

/// <summary>The other person of one of my open matches is typing. Typing is not kept, so there is nothing to replay.</summary>
public sealed record WatchTypingQuery : IQuery<IObservable<LiveItem<TypingDto>>>;

/// <summary>The cursor of my latest live event: read it before reloading, and subscribe with it afterwards.</summary>
public sealed record GetLiveCursorQuery : IQuery<string>;

public sealed class WatchConversationsHandler(LiveFeed feed, ILiveJournal journal, ICurrentUser currentUser) :
    IQueryHandler<WatchMessagesQuery, IObservable<LiveItem<MessageDto>>>,
    IQueryHandler<WatchMatchesQuery, IObservable<LiveItem<MatchDto>>>,
    IQueryHandler<WatchEndedMatchesQuery, IObservable<LiveItem<MatchEndedDto>>>,
    IQueryHandler<WatchReadsQuery, IObservable<LiveItem<ConversationReadDto>>>,
    IQueryHandler<WatchTypingQuery, IObservable<LiveItem<TypingDto>>>,
    IQueryHandler<GetLiveCursorQuery, string>
{
    public ValueTask<IObservable<LiveItem<MessageDto>>> Handle(WatchMessagesQuery query, CancellationToken cancellationToken) =>
        FollowAsync(query, cancellationToken);

    public ValueTask<IObservable<LiveItem<MatchDto>>> Handle(WatchMatchesQuery query, CancellationToken cancellationToken) =>
        FollowAsync(query, cancellationToken);

    public ValueTask<IObservable<LiveItem<MatchEndedDto>>> Handle(WatchEndedMatchesQuery query, CancellationToken cancellationToken) =>
        FollowAsync(query, cancellationToken);

    public ValueTask<IObservable<LiveItem<ConversationReadDto>>> Handle(WatchReadsQuery query, CancellationToken cancellationToken) =>
        FollowAsync(query, cancellationToken);

    public ValueTask<IObservable<LiveItem<TypingDto>>> Handle(WatchTypingQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(feed.Follow<TypingDto>(currentUser.Id!.Value, after: null));

    public async ValueTask<string> Handle(GetLiveCursorQuery query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var page = await journal.ReadAsync(me, 0, 0, cancellationToken);
        return LiveCursor.Encode(me, page.Head);
    }

    /// <summary>
    /// Refuses, before anything is sent, a cursor whose events the journal no longer holds. Without a cursor the
    /// subscription follows from the person's latest event, so it too can catch up when this replica misses events.
    /// </summary>
    private async ValueTask<IObservable<LiveItem<T>>> FollowAsync<T>(WatchQuery<T> query, CancellationToken cancellationToken)
    {
        var me = currentUser.Id!.Value;
        var after = query.After is null ? 0 : LiveCursor.Decode(me, query.After);
        var page = await journal.ReadAsync(me, after, 0, cancellationToken);
        if (query.After is null)
            return feed.Follow<T>(me, page.Head);
        if (!page.CanReplayFrom(after))
            throw LiveCursor.TooOld();
        return feed.Follow<T>(me, after);
    }
}
