using Friender.Application.Accounts.LogIn;
using Friender.Application.Accounts.RefreshAccessToken;
using Friender.Application.Accounts.SignUp;
using Friender.Application.Matching.ReportUser;
using Friender.Application.Matching.SwipeUser;
using Friender.Application.Messaging.SendMessage;
using Friender.Application.Messaging.SetTyping;
using Friender.Application.Photos.UploadPhoto;
using Friender.Application.Profiles.UpdateProfile;

namespace Friender.Application.Common.RateLimiting;

/// <summary>Whom a limit counts: the client's address (before anyone is logged in) or the person.</summary>
public enum RateLimitScope
{
    Address,
    Person,
}

/// <summary>At most <paramref name="PermitLimit"/> requests per <paramref name="Window"/>, counted per scope's key.</summary>
public sealed record RequestRateLimit(string Name, RateLimitScope Scope, int PermitLimit, TimeSpan Window);

/// <summary>
/// Every per-operation rate limit, in one place, with its default; <c>RateLimits:Policies:{name}:PermitLimit</c> and
/// <c>:Window</c> override one. They protect against scripts, not people: a person typing and swiping by hand stays
/// far below each of them. (logIn also has the login throttle, which counts failures per account and per address in
/// Postgres, across replicas; these count in each API process.)
/// </summary>
public static class RequestRateLimits
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static readonly IReadOnlyDictionary<Type, RequestRateLimit> ByRequest = new Dictionary<Type, RequestRateLimit>
    {
        [typeof(SignUpCommand)] = new("signUp", RateLimitScope.Address, 20, Hour),
        [typeof(LogInCommand)] = new("logIn", RateLimitScope.Address, 60, Minute),
        [typeof(RefreshAccessTokenCommand)] = new("refreshToken", RateLimitScope.Address, 60, Minute),
        [typeof(SwipeUserCommand)] = new("swipe", RateLimitScope.Person, 120, Minute),
        [typeof(SendMessageCommand)] = new("sendMessage", RateLimitScope.Person, 120, Minute),
        [typeof(SetTypingCommand)] = new("setTyping", RateLimitScope.Person, 120, Minute),
        [typeof(UploadPhotoCommand)] = new("uploadPhoto", RateLimitScope.Person, 30, Hour),
        [typeof(UpdateProfileCommand)] = new("updateProfile", RateLimitScope.Person, 60, Hour),
        [typeof(ReportUserCommand)] = new("reportUser", RateLimitScope.Person, 20, TimeSpan.FromDays(1)),
    };
}
