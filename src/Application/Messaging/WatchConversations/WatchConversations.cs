using Friender.Application.Common.Abstractions;
using Friender.Application.Matching.Common;
using Friender.Application.Messaging.Common;
using Friender.Application.Realtime;
using Mediator;

namespace Friender.Application.Messaging.WatchConversations;

/// <summary>The other person's new messages in any of my open matches, as they arrive.</summary>
public sealed record WatchMessagesQuery : IQuery<IObservable<MessageDto>>;

/// <summary>My new matches, as they are made (whichever of us said yes last).</summary>
public sealed record WatchMatchesQuery : IQuery<IObservable<MatchDto>>;

/// <summary>The other person of one of my open matches is typing.</summary>
public sealed record WatchTypingQuery : IQuery<IObservable<TypingDto>>;

/// <summary>The other person of one of my open matches read my messages.</summary>
public sealed record WatchReadsQuery : IQuery<IObservable<ConversationReadDto>>;

public sealed class WatchConversationsHandler(LiveFeed feed, ICurrentUser currentUser) :
    IQueryHandler<WatchMessagesQuery, IObservable<MessageDto>>,
    IQueryHandler<WatchMatchesQuery, IObservable<MatchDto>>,
    IQueryHandler<WatchTypingQuery, IObservable<TypingDto>>,
    IQueryHandler<WatchReadsQuery, IObservable<ConversationReadDto>>
{
    public ValueTask<IObservable<MessageDto>> Handle(WatchMessagesQuery query, CancellationToken cancellationToken) => Watch<MessageDto>();

    public ValueTask<IObservable<MatchDto>> Handle(WatchMatchesQuery query, CancellationToken cancellationToken) => Watch<MatchDto>();

    public ValueTask<IObservable<TypingDto>> Handle(WatchTypingQuery query, CancellationToken cancellationToken) => Watch<TypingDto>();

    public ValueTask<IObservable<ConversationReadDto>> Handle(WatchReadsQuery query, CancellationToken cancellationToken) => Watch<ConversationReadDto>();

    private ValueTask<IObservable<T>> Watch<T>() => ValueTask.FromResult(feed.Watch<T>(currentUser.Id!.Value));
}
