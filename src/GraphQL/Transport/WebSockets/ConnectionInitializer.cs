using System.Security.Claims;
using System.Text.Json;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Friender.Application.Realtime;
using Friender.Infrastructure.Auth;
using Friender.GraphQL.Common;
using GraphQL.Transport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>
/// <c>connection_init</c>: once, within <see cref="GraphQLWebSocketOptions.ConnectionInitTimeout"/>, authenticated by
/// its payload's <c>authorization</c> key (without one, the socket keeps whatever the upgrade request's
/// <c>Authorization</c> header gave it, usually nothing). An authenticated socket holds one of
/// the person's connection slots and closes with 4403 when its access token expires or is revoked by a log-out on any
/// replica, so that the client reconnects with a fresh token (graphql-ws computes connectionParams anew on every
/// connect for exactly this).
/// </summary>
internal sealed class ConnectionInitializer(
    WebSocketChannel channel,
    HttpContext http,
    WebSocketSessions sessions,
    GraphQLWebSocketOptions options,
    TimeProvider clock,
    ILogger logger,
    CancellationToken connection) : IDisposable
{
    private int _received;
    private volatile bool _acknowledged;
    private volatile WebSocketSessions.Session? _session;
    private volatile bool _disposed;

    /// <summary>Whether <c>connection_ack</c> was sent: only then may operations run.</summary>
    public bool Acknowledged => _acknowledged;

    public async Task InitialiseAsync(JsonElement message)
    {
        if (Interlocked.Exchange(ref _received, 1) == 1)
        {
            channel.Close(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests.");
            return;
        }

        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            channel.Close(CloseCodes.BadRequest, "Invalid message received: the connection_init payload must be an object.");
            return;
        }

        if (AuthorizationOf(payload) is { } authorization)
        {
            ClaimsPrincipal? principal;
            try
            {
                principal = await BearerAuthentication.AuthenticateAsync(http, authorization);
            }
            catch (Exception exception) when (ErrorMapping.TransientDatabaseFailure(exception) is { } failure)
            {
                logger.LogWarning(failure, "The database did not answer while a socket was being authenticated");
                channel.Close(CloseCodes.TryAgainLater, $"{ErrorCodes.DatabaseUnavailable}: the service is too busy to check the access token; connect again in a moment.");
                return;
            }

            if (principal is null)
            {
                channel.Close(CloseCodes.Forbidden, "Forbidden: the access token is invalid, expired or revoked.");
                return;
            }

            http.User = principal;
        }

        if (http.User.HasClaim(claim => claim.Type == AccessTokenClaims.SuspendedClaim))
        {
            try
            {
                await http.RequestServices.GetRequiredService<AccountStanding>().EnsureNotSuspendedAsync(
                    Guid.Parse(http.User.FindFirst(JwtRegisteredClaimNames.Sub)!.Value), connection);
            }
            catch (AccountSuspendedException suspended)
            {
                channel.Close(CloseCodes.Forbidden, $"{ErrorCodes.AccountSuspended}: {suspended.Message}");
                return;
            }
        }

        // Also for a socket the upgrade request's Authorization header authenticated: it holds a slot and ends with
        // its token like any other.
        if (!await WatchSessionAsync())
            return;

        _acknowledged = true;
        channel.Send(new OperationMessage { Type = MessageTypes.ConnectionAck });
    }

    /// <summary>Closes with 4408 unless <c>connection_init</c> arrived in time; runs for the whole connection.</summary>
    public async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, connection);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _received) == 0)
            channel.Close(CloseCodes.ConnectionInitTimeout, "Connection initialisation timeout.");
    }

    public void Dispose()
    {
        _disposed = true;
        _session?.Dispose();
    }

    /// <summary>Clients send their HTTP headers here, often lower-cased (Banana Cake Pop does): keys match in any case.</summary>
    private static string? AuthorizationOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object
            ? payload.EnumerateObject()
                .Where(property => string.Equals(property.Name, "authorization", StringComparison.OrdinalIgnoreCase))
                .Select(property => property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null)
                .FirstOrDefault()
            : null;

    private async Task<bool> WatchSessionAsync()
    {
        var user = http.RequestServices.GetRequiredService<ICurrentUser>();
        if (user is not { Id: { } userId, AccessTokenId: { } tokenId, AccessTokenExpiresAt: { } expiresAt })
            return true;

        _session = await sessions.TryOpenAsync(
            userId,
            tokenId,
            revoked => channel.Close(
                CloseCodes.Forbidden,
                revoked.AccessTokenId == AccessTokenRevokedEvent.Suspended
                    ? $"{ErrorCodes.AccountSuspended}: this account was suspended."
                    : "Forbidden: the access token was revoked (logged out)."),
            connection);
        if (_session is null)
        {
            channel.Close(CloseCodes.TooManyRequests, $"{ErrorCodes.RateLimited}: at most {sessions.MaxPerUser} open connections per person.");
            return false;
        }

        // The socket closed while the slot was being taken: give it back (disposing twice is harmless).
        if (_disposed)
        {
            _session.Dispose();
            return false;
        }

        _ = CloseWhenExpiredAsync(expiresAt);
        return true;
    }

    private async Task CloseWhenExpiredAsync(DateTimeOffset expiresAt)
    {
        try
        {
            var remaining = expiresAt - clock.GetUtcNow();
            if (remaining > TimeSpan.Zero)
                await Task.Delay(remaining, clock, connection);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        channel.Close(CloseCodes.Forbidden, "Forbidden: the access token expired; connect again with a fresh one.");
    }
}
