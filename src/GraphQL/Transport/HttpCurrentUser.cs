using System.Globalization;
using Friender.Application.Common.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Friender.GraphQL.Transport;

/// <summary>Reads the caller from the principal that <see cref="BearerAuthentication"/> put on the connection.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? Id => GuidClaim(JwtRegisteredClaimNames.Sub);

    public Guid? AccessTokenId => GuidClaim(JwtRegisteredClaimNames.Jti);

    public DateTimeOffset? AccessTokenExpiresAt =>
        long.TryParse(accessor.HttpContext?.User.FindFirst(JwtRegisteredClaimNames.Exp)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private Guid? GuidClaim(string type) =>
        accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user && Guid.TryParse(user.FindFirst(type)?.Value, out var value)
            ? value
            : null;
}
