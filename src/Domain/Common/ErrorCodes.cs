namespace Friender.Domain.Common;

public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string UsernameTaken = "USERNAME_TAKEN";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string FreshLoginRequired = "FRESH_LOGIN_REQUIRED";
    public const string RateLimited = "RATE_LIMITED";
    public const string ProfileIncomplete = "PROFILE_INCOMPLETE";
    public const string UnknownZipCode = "UNKNOWN_ZIP_CODE";
    public const string AlreadySwiped = "ALREADY_SWIPED";
    public const string CannotSwipeSelf = "CANNOT_SWIPE_SELF";
    public const string NotMatched = "NOT_MATCHED";
    public const string PhotoLimitReached = "PHOTO_LIMIT_REACHED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    public const string Conflict = "CONFLICT";
    public const string Internal = "INTERNAL";
}
