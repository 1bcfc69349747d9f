using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Friender.Infrastructure.Redis;

/// <summary>
/// The process's one Redis connection (StackExchange.Redis multiplexes every caller over it), for the state the
/// replicas share: rate limits, the typing throttle, socket leases, discovery watermarks. It never stops the app:
/// it connects in the background, reconnects by itself, and callers fall back to counting in this process while
/// <see cref="IsAvailable"/> is false or a command fails (<see cref="Failed"/>), so a Redis outage makes limits
/// per-replica for a while and breaks nothing (ADR 0025).
/// </summary>
public sealed class RedisConnection : IDisposable
{
    /// <summary>How long a command may take before the caller falls back: a limit must not hold a request up.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMilliseconds(500);

    private readonly ConnectionMultiplexer _multiplexer;
    private readonly ILogger<RedisConnection> _logger;
    private long _lastWarning;

    public RedisConnection(string configuration, ILogger<RedisConnection> logger)
    {
        _logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "friender-api";
        options.ConnectTimeout = 2_000;
        options.SyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)CommandTimeout.TotalMilliseconds;
        options.KeepAlive = 5;
        _multiplexer = ConnectionMultiplexer.Connect(options);
    }

    public bool IsAvailable => _multiplexer.IsConnected;

    public IDatabase Database => _multiplexer.GetDatabase();

    public IConnectionMultiplexer Multiplexer => _multiplexer;

    /// <summary>Whether <paramref name="exception"/> means Redis could not be asked (so fall back), logged at most every 10 s.</summary>
    public bool Failed(Exception exception, string what)
    {
        if (exception is not (RedisException or TimeoutException or ObjectDisposedException))
            return false;
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if (now - last > 10_000 && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
            _logger.LogWarning(exception, "Redis did not answer for {What}; counting in this process meanwhile", what);
        return true;
    }

    public void Dispose() => _multiplexer.Dispose();
}
