using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Friender.Application.Realtime;

/// <summary>
/// The live subscriptions of this API process, by the person they belong to. Events from every process arrive here
/// in batches; those with a local recipient are loaded and authorised together (one set of queries per batch, not one
/// per socket), then handed to that person's subscriptions.
/// </summary>
public sealed class LiveFeed(IServiceScopeFactory scopes, ILogger<LiveFeed> logger)
{
    private readonly ConcurrentDictionary<Guid, ImmutableArray<ISubscriber>> _byRecipient = new();

    /// <summary>Everything of type <typeparamref name="T"/> delivered to <paramref name="recipientId"/> from now on.</summary>
    public IObservable<T> Watch<T>(Guid recipientId) => new Feed<T>(this, recipientId);

    /// <summary>
    /// Everything of type <typeparamref name="T"/> for <paramref name="recipientId"/> with its place in the person's
    /// sequence: first the kept events after <paramref name="after"/> (when given) from the journal, in order, then the
    /// live ones, none twice and none missed in between. The caller has checked that the journal still holds them.
    /// </summary>
    public IObservable<LiveItem<T>> Follow<T>(Guid recipientId, long? after) => new FollowedFeed<T>(this, recipientId, after);

    public int SubscriptionsOf(Guid recipientId) => _byRecipient.TryGetValue(recipientId, out var subscribers) ? subscribers.Length : 0;

    /// <summary>
    /// Events may be missed from now on (the listening connection was lost, or a batch could not be delivered): every
    /// subscription that follows a cursor holds back what arrives until <see cref="CatchUp"/>. Call it before
    /// listening again, so nothing that arrives after the new LISTEN can overtake the catch-up.
    /// </summary>
    public void Interrupted()
    {
        foreach (var subscribers in _byRecipient.Values)
        {
            foreach (var subscriber in subscribers)
                subscriber.Hold();
        }
    }

    /// <summary>Listening again: every subscription that follows a cursor reads the journal after the last event it sent.</summary>
    public void CatchUp()
    {
        foreach (var subscribers in _byRecipient.Values)
        {
            foreach (var subscriber in subscribers)
                subscriber.CatchUp();
        }
    }

    public async Task DeliverAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken)
    {
        var wanted = events.Where(realtimeEvent => _byRecipient.ContainsKey(realtimeEvent.RecipientId)).ToList();
        if (wanted.Count == 0)
            return;

        foreach (var delivery in await ResolveAsync(wanted, cancellationToken))
        {
            if (!_byRecipient.TryGetValue(delivery.Event.RecipientId, out var subscribers))
                continue;
            foreach (var subscriber in subscribers)
                subscriber.Offer(delivery);
        }
    }

    private async Task<IReadOnlyList<LiveDelivery>> ResolveAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiveDeliveries>().ResolveAsync(events, cancellationToken);
    }

    /// <summary>One page of the journal, resolved; a few at a time, so a thousand sockets catching up at once queue here, not for the pool.</summary>
    private async Task<(LiveJournalPage Page, IReadOnlyList<LiveDelivery> Deliveries)> ReplayPageAsync(Guid recipientId, long after, CancellationToken cancellationToken)
    {
        await _replays.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<ILiveJournal>().ReadAsync(recipientId, after, ReplayPageSize, cancellationToken);
            if (!page.CanReplayFrom(after))
                throw LiveCursor.TooOld();
            var deliveries = page.Events.Count == 0
                ? []
                : await scope.ServiceProvider.GetRequiredService<LiveDeliveries>().ResolveAsync(page.Events, cancellationToken);
            return (page, deliveries);
        }
        finally
        {
            _replays.Release();
        }
    }

    private const int ReplayPageSize = 200;
    private const int ConcurrentReplays = 8;
    private readonly SemaphoreSlim _replays = new(ConcurrentReplays);

    private void Add(Guid recipientId, ISubscriber subscriber) =>
        _byRecipient.AddOrUpdate(recipientId, _ => [subscriber], (_, existing) => existing.Add(subscriber));

    private void Remove(Guid recipientId, ISubscriber subscriber)
    {
        while (_byRecipient.TryGetValue(recipientId, out var existing))
        {
            var remaining = existing.Remove(subscriber);
            var done = remaining.IsEmpty
                ? _byRecipient.TryRemove(new KeyValuePair<Guid, ImmutableArray<ISubscriber>>(recipientId, existing))
                : _byRecipient.TryUpdate(recipientId, remaining, existing);
            if (done)
                return;
        }
    }

    private interface ISubscriber
    {
        void Offer(LiveDelivery delivery);

        void Hold()
        {
        }

        void CatchUp()
        {
        }
    }

    private sealed class Feed<T>(LiveFeed feed, Guid recipientId) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            var subscriber = new Subscriber<T>(feed, observer);
            feed.Add(recipientId, subscriber);
            return new Unsubscriber(() => feed.Remove(recipientId, subscriber));
        }
    }

    private sealed class Subscriber<T>(LiveFeed feed, IObserver<T> observer) : ISubscriber
    {
        public void Offer(LiveDelivery delivery)
        {
            if (delivery.Payload is T typed)
                feed.Hand(observer, typed);
        }
    }

    private sealed class FollowedFeed<T>(LiveFeed feed, Guid recipientId, long? after) : IObservable<LiveItem<T>>
    {
        public IDisposable Subscribe(IObserver<LiveItem<T>> observer)
        {
            var subscriber = new FollowingSubscriber<T>(feed, recipientId, observer, after);
            feed.Add(recipientId, subscriber);
            subscriber.Start();
            return new Unsubscriber(() =>
            {
                feed.Remove(recipientId, subscriber);
                subscriber.Stop();
            });
        }
    }

    /// <summary>
    /// Replays the journal after the client's cursor while holding back what arrives live, then lets the held-back
    /// events through, skipping those the replay already sent (NOTIFY can arrive after the journal was read). A
    /// catch-up does the same from the last event sent; a live event that skips a position starts one. Without a
    /// cursor (typing) it is live only.
    /// </summary>
    private sealed class FollowingSubscriber<T>(LiveFeed feed, Guid recipientId, IObserver<LiveItem<T>> observer, long? after) : ISubscriber
    {
        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _stop = new();
        private List<LiveDelivery>? _heldBack;
        private bool _replaying;
        private bool _again;
        private long _sentThrough = after ?? 0;

        public void Start()
        {
            if (after is not null)
                CatchUp();
        }

        public void Stop() => _stop.Cancel();

        public void Hold()
        {
            if (after is null)
                return;
            lock (_gate)
            {
                _heldBack ??= [];
                _again |= _replaying;
            }
        }

        public void CatchUp()
        {
            if (after is null)
                return;
            lock (_gate)
            {
                _heldBack ??= [];
                if (_replaying)
                {
                    _again = true;
                    return;
                }

                _replaying = true;
            }

            _ = Task.Run(ReplayAsync);
        }

        public void Offer(LiveDelivery delivery)
        {
            lock (_gate)
            {
                if (_heldBack is not null)
                {
                    _heldBack.Add(delivery);
                    return;
                }

                // Positions follow commit order, so an event that skips one means the one before it (committed already)
                // has not arrived: published after commit, it was overtaken or lost (Redis), or it is one this person
                // may not see. The journal has it, in order; what arrives meanwhile waits.
                if (after is null || !Skips(delivery))
                {
                    Send(delivery);
                    return;
                }

                _heldBack = [delivery];
            }

            CatchUp();
        }

        private async Task ReplayAsync()
        {
            try
            {
                while (true)
                {
                    var cursor = _sentThrough;
                    while (true)
                    {
                        var (page, deliveries) = await feed.ReplayPageAsync(recipientId, cursor, _stop.Token);
                        foreach (var delivery in deliveries)
                            Send(delivery);
                        cursor = page.ReadThrough;
                        _sentThrough = Math.Max(_sentThrough, cursor);
                        if (!page.HasMore)
                            break;
                    }

                    lock (_gate)
                    {
                        // In order; an event held back past a missing position means the missing one committed before
                        // it, so the journal has it now: read it again rather than let a later position overtake it.
                        var heldBack = _heldBack!;
                        heldBack.Sort(static (one, other) => Nullable.Compare(one.Event.Position, other.Event.Position));
                        var passed = 0;
                        while (passed < heldBack.Count && !Skips(heldBack[passed]))
                            Send(heldBack[passed++]);
                        heldBack.RemoveRange(0, passed);
                        _again |= heldBack.Count > 0;
                        if (!_again)
                        {
                            _heldBack = null;
                            _replaying = false;
                            return;
                        }

                        _again = false;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                feed.Remove(recipientId, this);
                observer.OnError(exception);
            }
        }

        /// <summary>Whether <paramref name="delivery"/> comes after a position not yet passed on.</summary>
        private bool Skips(LiveDelivery delivery) => delivery.Event.Position is { } position && position > _sentThrough + 1;

        /// <summary>
        /// Hands one delivery on, in order and once: a kept event at or before the last one passed (of any kind, since
        /// one sequence covers them all) is a repeat.
        /// </summary>
        private void Send(LiveDelivery delivery)
        {
            if (delivery.Event.Position is { } position)
            {
                if (position <= _sentThrough)
                    return;
                _sentThrough = position;
            }

            if (delivery.Payload is not T typed)
                return;
            feed.Hand(observer, new LiveItem<T>(typed, delivery.Event.Position is { } at ? LiveCursor.Encode(recipientId, at) : null));
        }
    }

    private void Hand<T>(IObserver<T> observer, T value)
    {
        try
        {
            observer.OnNext(value);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A live subscription failed to take an event");
        }
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}

/// <summary>What one person receives: a DTO they are allowed to see, or a notice for their connections.</summary>
public sealed record LiveDelivery(RealtimeEvent Event, object Payload);

/// <summary>A delivered event and, for a kept one, the cursor to resume after it (null for typing).</summary>
public sealed record LiveItem<T>(T Payload, string? Cursor) : ILiveItem
{
    object? ILiveItem.Payload => Payload;
}

/// <summary>What a transport needs of any <see cref="LiveItem{T}"/>: what to render, and the cursor to send beside it.</summary>
public interface ILiveItem
{
    object? Payload { get; }

    string? Cursor { get; }
}
