namespace Friender.Application.Common.Exceptions;

/// <summary>
/// Codes of the errors use cases raise (<see cref="AppException"/>) that the Domain never does; the Domain's own are in
/// <see cref="Domain.Common.DomainErrorCodes"/>.
/// </summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string InvalidCredentials = "INVALID_CREDENTIALS";
    public const string UsernameTaken = "USERNAME_TAKEN";
    public const string EmailTaken = "EMAIL_TAKEN";
    public const string FreshLoginRequired = "FRESH_LOGIN_REQUIRED";
    public const string ProfileIncomplete = "PROFILE_INCOMPLETE";
    public const string UnknownZipCode = "UNKNOWN_ZIP_CODE";
    public const string AlreadySwiped = "ALREADY_SWIPED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    /// <summary>The database did not answer in time: unreachable, or every pooled connection busy.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string Conflict = "CONFLICT";

    /// <summary>What any exception that is neither an <see cref="AppException"/> nor a domain rule becomes.</summary>
    public const string Internal = "INTERNAL";
}
