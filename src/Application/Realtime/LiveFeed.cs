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

    public int SubscriptionsOf(Guid recipientId) => _byRecipient.TryGetValue(recipientId, out var subscribers) ? subscribers.Length : 0;

    public async Task DeliverAsync(IReadOnlyList<RealtimeEvent> events, CancellationToken cancellationToken)
    {
        var wanted = events.Where(realtimeEvent => _byRecipient.ContainsKey(realtimeEvent.RecipientId)).ToList();
        if (wanted.Count == 0)
            return;

        IReadOnlyList<LiveDelivery> deliveries;
        await using (var scope = scopes.CreateAsyncScope())
            deliveries = await scope.ServiceProvider.GetRequiredService<LiveDeliveries>().ResolveAsync(wanted, cancellationToken);

        foreach (var delivery in deliveries)
        {
            if (!_byRecipient.TryGetValue(delivery.RecipientId, out var subscribers))
                continue;
            foreach (var subscriber in subscribers)
                subscriber.Offer(delivery.Payload);
        }
    }

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
        void Offer(object payload);
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
        public void Offer(object payload)
        {
            if (payload is not T typed)
                return;
            try
            {
                observer.OnNext(typed);
            }
            catch (Exception exception)
            {
                feed.LogDeliveryFailure(exception);
            }
        }
    }

    private void LogDeliveryFailure(Exception exception) => logger.LogWarning(exception, "A live subscription failed to take an event");

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}

/// <summary>What one person receives: a DTO they are allowed to see, or a notice for their connections.</summary>
public sealed record LiveDelivery(Guid RecipientId, object Payload);
