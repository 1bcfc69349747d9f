using System.Globalization;
using Friender.Application.Realtime;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// Hears the live events other replicas publish to Redis (<see cref="RedisLiveFanOut"/>) and hands them to the
/// <see cref="LiveEventQueue"/>. Redis pub/sub keeps nothing for a subscriber that was away, so the journal covers
/// the gaps: when the connection drops, subscriptions that follow a cursor read what they missed at once (meanwhile
/// writers fall back to <c>NOTIFY</c>); when it is back, they hold live events back until this replica's own probe
/// comes round the channel (so the subscription is live again), then read the journal once more and let the rest
/// through. StackExchange.Redis reconnects and subscribes again by itself.
/// </summary>
public sealed class RedisRealtimeListener(RedisConnection redis, LiveFeed feed, LiveEventQueue queue, ILogger<RedisRealtimeListener> logger)
    : BackgroundService
{
    private const string ProbePrefix = "probe:";
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private const int ProbeAttempts = 20;

    private readonly string _ownProbes = ProbePrefix + Guid.NewGuid().ToString("N") + ":";
    private long _probes;
    private long _awaitedProbe;
    private volatile bool _subscribed;

    /// <summary>Whether this replica hears what the others publish to Redis right now.</summary>
    public bool IsSubscribed => _subscribed && redis.IsAvailable;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var multiplexer = redis.Multiplexer;
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
        try
        {
            await SubscribeAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionFailed -= OnConnectionFailed;
        redis.Multiplexer.ConnectionRestored -= OnConnectionRestored;
        await base.StopAsync(cancellationToken);
    }

    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        while (true)
        {
            while (!redis.IsAvailable)
                await Task.Delay(ProbeInterval, stoppingToken);
            try
            {
                await subscriber.SubscribeAsync(RedisLiveFanOut.Channel, OnMessage);
                break;
            }
            catch (Exception exception) when (redis.Failed(exception, "the live event channel"))
            {
                subscriber.Unsubscribe(RedisLiveFanOut.Channel, OnMessage, CommandFlags.FireAndForget);
                await Task.Delay(ProbeInterval, stoppingToken);
            }
        }

        _subscribed = true;
        logger.LogInformation("Listening for realtime events on Redis channel {Channel}", RedisKeys.LiveEvents);
        Resync();
    }

    private void OnMessage(RedisChannel channel, RedisValue value)
    {
        var payload = (string?)value;
        if (payload is null)
            return;
        if (payload.StartsWith(ProbePrefix, StringComparison.Ordinal))
        {
            if (payload.StartsWith(_ownProbes, StringComparison.Ordinal)
                && long.TryParse(payload.AsSpan(_ownProbes.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var probe)
                && Interlocked.CompareExchange(ref _awaitedProbe, 0, probe) == probe)
                feed.CatchUp();
            return;
        }

        if (RealtimeChannel.Decode(payload) is { } realtimeEvent)
            queue.Post(realtimeEvent);
    }

    /// <summary>
    /// Only the subscription connection carries the channel (RESP2, StackExchange.Redis's default): a Redis restart
    /// drops the interactive one too, and reacting to both would have every subscription read the journal twice.
    /// </summary>
    private static bool CarriesTheChannel(ConnectionFailedEventArgs args) => args.ConnectionType == ConnectionType.Subscription;

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs args)
    {
        if (!_subscribed || !CarriesTheChannel(args))
            return;
        logger.LogWarning(args.Exception, "Lost Redis ({Connection}); open subscriptions read the journal, writers fall back to Postgres notifications", args.ConnectionType);
        feed.Interrupted();
        feed.CatchUp();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs args)
    {
        if (_subscribed && CarriesTheChannel(args))
            Resync();
    }

    /// <summary>Holds live events back until the channel is heard again, then has every subscription read the journal.</summary>
    private void Resync()
    {
        feed.Interrupted();
        var probe = Interlocked.Increment(ref _probes);
        Interlocked.Exchange(ref _awaitedProbe, probe);
        _ = ProbeAsync(probe);
    }

    private async Task ProbeAsync(long probe)
    {
        var subscriber = redis.Multiplexer.GetSubscriber();
        for (var attempt = 0; attempt < ProbeAttempts && Interlocked.Read(ref _awaitedProbe) == probe; attempt++)
        {
            try
            {
                await subscriber.PublishAsync(RedisLiveFanOut.Channel, _ownProbes + probe.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception exception) when (redis.Failed(exception, "the live event channel"))
            {
            }

            await Task.Delay(ProbeInterval);
        }

        // Not heard within five seconds: read the journal anyway rather than hold events back longer; the next
        // restored connection probes again.
        if (Interlocked.CompareExchange(ref _awaitedProbe, 0, probe) == probe)
            feed.CatchUp();
    }
}
