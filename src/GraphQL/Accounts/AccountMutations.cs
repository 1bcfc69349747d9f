using Friender.Application.Accounts.ChangePassword;
using Friender.Application.Accounts.Common;
using Friender.Application.Accounts.DeleteAccount;
using Friender.Application.Accounts.LogIn;
using Friender.Application.Accounts.LogOut;
using Friender.Application.Accounts.RefreshAccessToken;
using Friender.Application.Accounts.SignUp;
using Friender.GraphQL.Common;
using Friender.GraphQL.Transport;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal static class AccountMutations
{
    public static void AddAccountMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("signUp")
            .Description("Creates an account and logs it in.")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input")
            .ResolveAsync(async context => await KeepInCookieIfAsked(context, context.Send(context.GetArgument<SignUpCommand>("input"))));

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("logIn")
            .Description("Starts a session. Repeated failures are rate limited per account and per address.")
            .Argument<NonNullGraphType<LogInInputGraphType>>("input")
            .ResolveAsync(async context => await KeepInCookieIfAsked(context, context.Send(context.GetArgument<LogInCommand>("input"))));

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("refreshToken")
            .Description("Trades a refresh token for a new access and refresh token. Each refresh token works once; "
                + "using one twice ends the whole session.")
            .Argument<NonNullGraphType<RefreshTokenInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<RefreshAccessTokenCommand>("input")));

        mutation.Field<NonNullGraphType<LogOutPayloadGraphType>>("logOut")
            .Description("Ends the session of the given refresh token and revokes the access token of this call.")
            .Argument<NonNullGraphType<LogOutInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<LogOutCommand>("input")));

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("changePassword")
            .Description($"Replaces your password. Needs an access token from logIn in the last {FreshLogin.Window.TotalMinutes:0} minutes "
                + "(FRESH_LOGIN_REQUIRED otherwise); ends every session, and returns a new one for this client.")
            .Argument<NonNullGraphType<ChangePasswordInputGraphType>>("input")
            .ResolveAsync(async context => await KeepInCookieIfAsked(context, context.Send(context.GetArgument<ChangePasswordCommand>("input"))));

        mutation.Field<NonNullGraphType<DeleteAccountPayloadGraphType>>("deleteAccount")
            .Description($"Deletes your account for good: profile, photos, answers, matches (they end for the other person) "
                + $"and messages. Needs an access token from logIn in the last {FreshLogin.Window.TotalMinutes:0} minutes; "
                + "every session and open socket ends at once.")
            .ResolveAsync(async context => await context.Send(new DeleteAccountCommand()));
    }

    /// <summary>
    /// The new session, with its refresh token also put in the browser's HttpOnly cookie when the request asked for it
    /// (<see cref="RefreshCookie.OptInHeader"/>); the payload is what the client selected either way.
    /// </summary>
    private static async Task<AuthResult> KeepInCookieIfAsked(IResolveFieldContext context, ValueTask<AuthResult> sending)
    {
        var result = await sending;
        var http = context.RequestServices?.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (http is { WebSockets.IsWebSocketRequest: false, Response.HasStarted: false } && RefreshCookie.IsWanted(http.Request))
            RefreshCookie.Issue(http.Response, result.RefreshToken);
        return result;
    }
}
