using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;

namespace Friender.Application.Accounts.Common;

/// <summary>
/// What changing a password or deleting an account asks for: an access token from a logIn (or signUp) in the last
/// <see cref="Window"/>, not merely a live session, so a stolen refresh token or an unattended browser cannot do either.
/// </summary>
public static class FreshLogin
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static void Ensure(ICurrentUser currentUser, TimeProvider clock)
    {
        if (currentUser.LoggedInAt is not { } loggedIn || clock.GetUtcNow() - loggedIn > Window)
            throw new AppException(ErrorCodes.FreshLoginRequired, $"Log in again (within {Window.TotalMinutes:0} minutes) to do this.");
    }
}
