using Friender.Application.Accounts.Common;

namespace Friender.GraphQL.Transport;

/// <summary>
/// The browser's refresh token, kept where scripts cannot read it: an <c>HttpOnly; Secure; SameSite=Strict</c> cookie
/// whose <c>Path</c> is the session endpoints', so it never rides <c>/graphql</c> or the WebSocket upgrade. A client
/// asks for it by sending <see cref="OptInHeader"/> with <c>logIn</c>, <c>signUp</c> or <c>changePassword</c>; API clients
/// that do not keep the refresh token in the payload as before (ADR 0030).
/// </summary>
internal static class RefreshCookie
{
    public const string Name = "friender_refresh";

    public const string Path = "/auth";

    /// <summary>Sent with value <see cref="OptInValue"/>: keep the refresh token in the cookie.</summary>
    public const string OptInHeader = "X-Friender-Session";

    public const string OptInValue = "cookie";

    /// <summary>
    /// Required on every request to the session endpoints: a page on another site cannot send a custom header without
    /// a CORS preflight, which this API never grants, so a cross-site form or fetch cannot refresh or end a session.
    /// </summary>
    public const string CsrfHeader = "X-Friender-CSRF";

    public static bool IsWanted(HttpRequest request) =>
        string.Equals(request.Headers[OptInHeader], OptInValue, StringComparison.OrdinalIgnoreCase);

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static void Issue(HttpResponse response, string refreshToken) =>
        response.Cookies.Append(Name, refreshToken, Options(SessionIssuer.RefreshTokenLifetime));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Append(Name, string.Empty, Options(TimeSpan.Zero));

    private static CookieOptions Options(TimeSpan maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
