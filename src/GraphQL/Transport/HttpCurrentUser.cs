using System.Globalization;
using System.Security.Claims;
using Friender.Application.Common.Abstractions;
using Friender.Infrastructure.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Friender.GraphQL.Transport;

/// <summary>
/// Reads the caller from the principal that <see cref="BearerAuthentication"/> put on the connection. Scoped: one per
/// HTTP request and one per WebSocket operation, so <see cref="Become"/> never reaches beyond the current operation.
/// </summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? _assumed;

    public Guid? Id => GuidClaim(JwtRegisteredClaimNames.Sub);

    public Guid? AccessTokenId => GuidClaim(JwtRegisteredClaimNames.Jti);

    public DateTimeOffset? AccessTokenExpiresAt => TimeClaim(JwtRegisteredClaimNames.Exp);

    public DateTimeOffset? LoggedInAt => TimeClaim(JwtRegisteredClaimNames.AuthTime);

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool Suspended => Principal is { Identity.IsAuthenticated: true } user && user.HasClaim(claim => claim.Type == AccessTokenClaims.SuspendedClaim);

    private ClaimsPrincipal? Principal => _assumed ?? accessor.HttpContext?.User;

    public void Become(Guid userId, IssuedAccessToken accessToken) =>
        _assumed = new AccessTokenClaims(userId, accessToken.Id, accessToken.ExpiresAt, accessToken.LoggedInAt).ToPrincipal();

    private DateTimeOffset? TimeClaim(string type) =>
        Principal is { Identity.IsAuthenticated: true } user
        && long.TryParse(user.FindFirst(type)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private Guid? GuidClaim(string type) =>
        Principal is { Identity.IsAuthenticated: true } user && Guid.TryParse(user.FindFirst(type)?.Value, out var value)
            ? value
            : null;
}
