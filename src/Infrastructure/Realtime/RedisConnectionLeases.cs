using System.Collections.Concurrent;
using Friender.Application.Realtime;
using Friender.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// Socket slots across replicas: each socket holds a lease in its person's sorted set in Redis
/// (acquire_connection_lease.lua), renewed every <see cref="RenewEvery"/> by the replica that holds it, so a replica
/// killed without a word leaks its slots for at most <see cref="Lifetime"/>. While Redis cannot be reached, slots are
/// counted in this process; leases taken then are not in Redis, so the cap may be exceeded until those sockets close.
/// </summary>
internal sealed class RedisConnectionLeases(RedisConnection redis, InProcessConnectionLeases fallback, TimeProvider clock)
    : BackgroundService, IConnectionLeases
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    private static readonly LuaScript Acquire = LuaScript.Prepare(RedisScripts.Text("acquire_connection_lease.lua"));
    private static readonly LuaScript Renew = LuaScript.Prepare(RedisScripts.Text("renew_connection_lease.lua"));

    private readonly ConcurrentDictionary<string, Guid> _held = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable?> TryAcquireAsync(Guid userId, int cap, CancellationToken cancellationToken)
    {
        if (!redis.IsAvailable)
            return fallback.TryAcquire(userId, cap);

        var leaseId = Guid.CreateVersion7().ToString("N");
        try
        {
            var taken = (long)await redis.Database.ScriptEvaluateAsync(Acquire.ExecutableScript,
                [RedisKeys.ConnectionLeases(userId)], [leaseId, RedisKeys.Milliseconds(Lifetime), cap]);
            if (taken == 0)
                return null;
        }
        catch (Exception exception) when (redis.Failed(exception, "a socket lease"))
        {
            return fallback.TryAcquire(userId, cap);
        }

        _held[leaseId] = userId;
        return new Lease(this, userId, leaseId);
    }

    /// <summary>Renews every lease this replica holds, in one pipelined batch.</summary>
    public async Task RenewAsync()
    {
        if (_held.IsEmpty || !redis.IsAvailable)
            return;
        var database = redis.Database;
        var lifetime = RedisKeys.Milliseconds(Lifetime);
        var renewals = _held.Select(held => database.ScriptEvaluateAsync(Renew.ExecutableScript,
            [RedisKeys.ConnectionLeases(held.Value)], [held.Key, lifetime])).ToList();
        try
        {
            await Task.WhenAll(renewals);
        }
        catch (Exception exception) when (redis.Failed(exception, "renewing socket leases"))
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await RenewAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Release(Guid userId, string leaseId)
    {
        if (!_held.TryRemove(leaseId, out _))
            return;
        _ = ReleaseAsync(userId, leaseId);
    }

    private async Task ReleaseAsync(Guid userId, string leaseId)
    {
        try
        {
            await redis.Database.SortedSetRemoveAsync(RedisKeys.ConnectionLeases(userId), leaseId);
        }
        catch (Exception exception) when (redis.Failed(exception, "releasing a socket lease"))
        {
            // It expires on its own within a lease's lifetime.
        }
    }

    private sealed class Lease(RedisConnectionLeases leases, Guid userId, string leaseId) : IDisposable
    {
        public void Dispose() => leases.Release(userId, leaseId);
    }
}
