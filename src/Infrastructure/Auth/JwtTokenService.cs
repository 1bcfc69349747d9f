using System.Collections.Concurrent;
using System.Security.Claims;
using Friender.Application.Common.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Friender.Infrastructure.Auth;

public sealed class JwtTokenService : IAccessTokenIssuer
{
    /// <summary>
    /// Tokens whose signature, issuer, audience and algorithm were verified, kept by their exact text: a client sends
    /// the same token with every request for its fifteen minutes, and verifying it again each time was a fifth of the
    /// cheapest request's cost. A kept token is still refused once past its expiry, and revocation is the caller's,
    /// on every request. Bounded: forgotten all at once when full (a few megabytes).
    /// </summary>
    public const int VerifiedTokensKept = 20_000;

    private readonly ConcurrentDictionary<string, AccessTokenClaims> _verified = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly JwtOptions _options;
    private readonly SigningCredentials _credentials;
    private readonly TokenValidationParameters _validation;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenService(IOptions<JwtOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var key = new SymmetricSecurityKey(_options.SigningKeyBytes());
        _credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(clock.GetUtcNow().UtcDateTime, notBefore, expires),
        };
    }

    /// <summary>How far past <c>exp</c> (and before <c>nbf</c>) a token is still accepted, for clocks that disagree.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public DateTimeOffset AcceptedUntil(DateTimeOffset now) => now + _options.AccessTokenLifetime + ClockSkew;

    public IssuedAccessToken Issue(Guid userId, DateTimeOffset now, DateTimeOffset? loggedInAt)
    {
        var tokenId = Guid.CreateVersion7(now);
        var expiresAt = now + _options.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = _credentials,
            Claims = Claims(userId, tokenId, loggedInAt),
        });
        return new IssuedAccessToken(
            token, tokenId, DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()),
            loggedInAt is { } at ? DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()) : null);
    }

    /// <summary>Subject and id, and <c>auth_time</c> only when the password was checked in this session.</summary>
    private static Dictionary<string, object> Claims(Guid userId, Guid tokenId, DateTimeOffset? loggedInAt)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = userId.ToString(),
            [JwtRegisteredClaimNames.Jti] = tokenId.ToString(),
        };
        if (loggedInAt is { } loggedIn)
            claims[JwtRegisteredClaimNames.AuthTime] = loggedIn.ToUnixTimeSeconds();
        return claims;
    }

    /// <summary>
    /// Checks signature, algorithm, issuer, audience and lifetime (once per token text, then only its lifetime:
    /// <see cref="VerifiedTokensKept"/>); revocation is checked by the caller.
    /// </summary>
    public async Task<AccessTokenClaims?> ReadAsync(string token)
    {
        if (_verified.TryGetValue(token, out var known))
            return IsWithinLifetime(_clock.GetUtcNow().UtcDateTime, null, known.ExpiresAt.UtcDateTime) ? known : null;

        var claims = await VerifyAsync(token);
        if (claims is not null)
        {
            if (_verified.Count >= VerifiedTokensKept)
                _verified.Clear();
            _verified.TryAdd(token, claims);
        }

        return claims;
    }

    private async Task<AccessTokenClaims?> VerifyAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return null;

        if (!Guid.TryParse(jwt.Subject, out var userId) || !Guid.TryParse(jwt.Id, out var tokenId))
            return null;

        DateTimeOffset? loggedInAt = jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.AuthTime, out var authTime)
            ? DateTimeOffset.FromUnixTimeSeconds(authTime)
            : null;
        return new AccessTokenClaims(userId, tokenId, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), loggedInAt);
    }

    private static bool IsWithinLifetime(DateTime now, DateTime? notBefore, DateTime? expires) =>
        expires is { } expiry && now < expiry + ClockSkew && (notBefore is not { } start || now >= start - ClockSkew);
}

public sealed record AccessTokenClaims(Guid UserId, Guid TokenId, DateTimeOffset ExpiresAt, DateTimeOffset? LoggedInAt)
{
    /// <summary>
    /// On the principal (never in a token) when the account has a suspension on record: the Application then refuses
    /// everything but logging out and appealing with ACCOUNT_SUSPENDED, and sockets are not accepted.
    /// </summary>
    public const string SuspendedClaim = "friender:suspended";

    public ClaimsPrincipal ToPrincipal(bool suspended = false) =>
        new(new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, UserId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, TokenId.ToString()),
                new Claim(JwtRegisteredClaimNames.Exp, ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. LoggedInAt is { } loggedIn
                    ? new[] { new Claim(JwtRegisteredClaimNames.AuthTime, loggedIn.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)) }
                    : [],
                .. suspended ? new[] { new Claim(SuspendedClaim, "true") } : [],
            ],
            authenticationType: "Bearer",
            nameType: JwtRegisteredClaimNames.Sub,
            roleType: null));
}
