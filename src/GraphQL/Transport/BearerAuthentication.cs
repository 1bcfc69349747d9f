using System.Security.Claims;
using Friender.Infrastructure.Auth;

namespace Friender.GraphQL.Transport;

/// <summary>
/// Authenticates HTTP requests from 'Authorization: Bearer &lt;token&gt;'. A bad or revoked token leaves the request
/// anonymous, so operations that need a login answer UNAUTHENTICATED while signUp and logIn still work.
/// </summary>
internal static class BearerAuthentication
{
    public static async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext http, string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;

        var token = authorization[scheme.Length..].Trim();
        if (token.Length == 0)
            return null;

        using var activity = Hosting.FrienderTelemetry.Source.StartActivity(Hosting.FrienderTelemetry.TokenCheckSpan);
        var authenticator = http.RequestServices.GetRequiredService<AccessTokenAuthenticator>();
        return await authenticator.AuthenticateAsync(token, http.RequestAborted);
    }

    public static IApplicationBuilder UseBearerAuthentication(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (await AuthenticateAsync(http, http.Request.Headers.Authorization) is { } principal)
                http.User = principal;
            await next(http);
        });
}
