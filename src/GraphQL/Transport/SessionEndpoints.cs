using System.Text.Json;
using Friender.Application.Accounts.Common;
using Friender.Application.Accounts.LogOut;
using Friender.Application.Accounts.RefreshAccessToken;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Common;
using Friender.GraphQL.Common;
using Mediator;

namespace Friender.GraphQL.Transport;

/// <summary>
/// The two requests that read the browser's refresh cookie (<see cref="RefreshCookie"/>), and the only ones it is
/// sent with: <c>POST /auth/refresh</c> rotates it and answers a new access token, <c>POST /auth/logout</c> ends its
/// session family and clears it. Both run the same use cases as the <c>refreshToken</c> and <c>logOut</c> mutations and
/// answer errors in GraphQL's shape, with the same <c>extensions.code</c> (ADR 0030).
/// </summary>
internal static class SessionEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        app.Map($"{RefreshCookie.Path}/refresh", RefreshAsync);
        app.Map($"{RefreshCookie.Path}/logout", LogOutAsync);
    }

    private static async Task RefreshAsync(HttpContext http)
    {
        if (!await AcceptedAsync(http))
            return;

        var token = RefreshCookie.Read(http.Request);
        if (token is null)
        {
            await WriteErrorAsync(http, new AppException(DomainErrorCodes.InvalidRefreshToken, "There is no session in this browser. Log in."));
            return;
        }

        try
        {
            var session = await http.RequestServices.GetRequiredService<ISender>().Send(new RefreshAccessTokenCommand(token), http.RequestAborted);
            RefreshCookie.Issue(http.Response, session.RefreshToken);
            await WriteAsync(http, StatusCodes.Status200OK, new
            {
                data = new { session.AccessToken, session.AccessTokenExpiresAt, User = new { session.User.Id, session.User.Username, session.User.Email } },
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, exception);
        }
    }

    private static async Task LogOutAsync(HttpContext http)
    {
        if (!await AcceptedAsync(http))
            return;

        var token = RefreshCookie.Read(http.Request);
        try
        {
            var loggedOut = token is not null
                && (await http.RequestServices.GetRequiredService<ISender>().Send(new LogOutCommand(token), http.RequestAborted)).LoggedOut;
            RefreshCookie.Clear(http.Response);
            await WriteAsync(http, StatusCodes.Status200OK, new { data = new { loggedOut } });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, exception);
        }
    }

    /// <summary>POST with the CSRF header, or a coded refusal.</summary>
    private static async Task<bool> AcceptedAsync(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.Headers.Allow = "POST";
            await WriteAsync(http, StatusCodes.Status405MethodNotAllowed, Errors(TransportErrorCodes.MethodNotAllowed, "Use POST."));
            return false;
        }

        if (string.IsNullOrEmpty(http.Request.Headers[RefreshCookie.CsrfHeader]))
        {
            await WriteAsync(http, StatusCodes.Status403Forbidden,
                Errors(TransportErrorCodes.CsrfHeaderRequired, $"Send the {RefreshCookie.CsrfHeader} header with this request."));
            return false;
        }

        return true;
    }

    private static async Task WriteErrorAsync(HttpContext http, Exception exception)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionEndpoints));
        var error = ErrorMapping.ToError(exception, logger);
        var status = error.Code switch
        {
            DomainErrorCodes.InvalidRefreshToken => StatusCodes.Status401Unauthorized,
            ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
            ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
            ErrorCodes.AccountSuspended => StatusCodes.Status403Forbidden,
            ErrorCodes.DatabaseUnavailable => StatusCodes.Status503ServiceUnavailable,
            ErrorCodes.Internal => StatusCodes.Status500InternalServerError,
            _ => StatusCodes.Status400BadRequest,
        };
        // A session that is over is over in this browser too: the cookie goes with it.
        if (error.Code == DomainErrorCodes.InvalidRefreshToken)
            RefreshCookie.Clear(http.Response);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
            extensions[key] = value;
        await WriteAsync(http, status, new { errors = new[] { new { message = error.Message, extensions } } });
    }

    private static object Errors(string code, string message) =>
        new { errors = new[] { new { message, extensions = new Dictionary<string, object?> { ["code"] = code } } } };

    private static async Task WriteAsync(HttpContext http, int status, object body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, body, Json, http.RequestAborted);
    }
}
