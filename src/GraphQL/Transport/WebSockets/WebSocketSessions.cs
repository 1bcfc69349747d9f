using System.Collections.Concurrent;
using Friender.Application.Realtime;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// The authenticated WebSocket connections of this process: how many each person has open, and which to close when
/// one of their access tokens is revoked.
/// </summary>
internal sealed class WebSocketSessions(LiveFeed feed, IOptions<GraphQLWebSocketOptions> options)
{
    private readonly ConcurrentDictionary<Guid, int> _open = new();

    public int MaxPerUser => options.Value.MaxConnectionsPerUser;

    /// <summary>A slot for one more connection of <paramref name="userId"/>, or null when they have too many open.</summary>
    public Session? TryOpen(Guid userId, Guid accessTokenId, Action revoked)
    {
        while (true)
        {
            var count = _open.GetOrAdd(userId, 0);
            if (count >= MaxPerUser)
                return null;
            if (_open.TryUpdate(userId, count + 1, count))
                break;
        }

        var watch = feed.Watch<AccessTokenRevokedEvent>(userId).Subscribe(new RevocationObserver(accessTokenId, revoked));
        return new Session(this, userId, watch);
    }

    private void Release(Guid userId)
    {
        while (_open.TryGetValue(userId, out var count))
        {
            var done = count <= 1
                ? _open.TryRemove(new KeyValuePair<Guid, int>(userId, count))
                : _open.TryUpdate(userId, count - 1, count);
            if (done)
                return;
        }
    }

    public sealed class Session(WebSocketSessions sessions, Guid userId, IDisposable watch) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            watch.Dispose();
            sessions.Release(userId);
        }
    }

    private sealed class RevocationObserver(Guid accessTokenId, Action revoked) : IObserver<AccessTokenRevokedEvent>
    {
        public void OnNext(AccessTokenRevokedEvent value)
        {
            if (value.Revokes(accessTokenId))
                revoked();
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
