using Friender.Application.Realtime;
using Microsoft.Extensions.Options;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// The authenticated WebSocket connections: a slot for each (<see cref="IConnectionLeases"/>, at most
/// <see cref="MaxPerUser"/> per person, in this process or across replicas), and which to close when one of their
/// access tokens is revoked.
/// </summary>
internal sealed class WebSocketSessions(LiveFeed feed, IConnectionLeases leases, IOptions<GraphQLWebSocketOptions> options)
{
    public int MaxPerUser => options.Value.MaxConnectionsPerUser;

    /// <summary>A slot for one more connection of <paramref name="userId"/>, or null when they have too many open.</summary>
    public async Task<Session?> TryOpenAsync(Guid userId, Guid accessTokenId, Action<AccessTokenRevokedEvent> revoked, CancellationToken cancellationToken)
    {
        if (await leases.TryAcquireAsync(userId, MaxPerUser, cancellationToken) is not { } lease)
            return null;

        var watch = feed.Watch<AccessTokenRevokedEvent>(userId).Subscribe(new RevocationObserver(accessTokenId, revoked));
        return new Session(lease, watch);
    }

    public sealed class Session(IDisposable lease, IDisposable watch) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            watch.Dispose();
            lease.Dispose();
        }
    }

    private sealed class RevocationObserver(Guid accessTokenId, Action<AccessTokenRevokedEvent> revoked) : IObserver<AccessTokenRevokedEvent>
    {
        public void OnNext(AccessTokenRevokedEvent value)
        {
            if (value.Revokes(accessTokenId))
                revoked(value);
        }

        public void OnError(Exception error)
        {
        }

        public void OnCompleted()
        {
        }
    }
}
