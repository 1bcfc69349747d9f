using Friender.Domain.Common;

namespace Friender.Application.Common.Exceptions;

/// <summary>
/// Codes of the errors use cases raise (<see cref="AppException"/>), and the generic codes every layer above the Domain
/// answers with, the Domain's generic refusals among them (<see cref="Of"/>). Codes of the rules the Domain names are in
/// <see cref="DomainErrorCodes"/> (ADR 0021).
/// </summary>
public static class ErrorCodes
{
    /// <summary>The input breaks a rule.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>The caller may not do this.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>Not there, or not the caller's: the two look the same.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Too often; the error says when to try again where it can.</summary>
    public const string RateLimited = "RATE_LIMITED";

    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The account is suspended or banned; extensions say until when (null for a ban) and why.</summary>
    public const string AccountSuspended = "ACCOUNT_SUSPENDED";
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

    /// <summary>The live events after a client's cursor are no longer kept: reload with queries, then subscribe again.</summary>
    public const string ResyncRequired = "RESYNC_REQUIRED";

    /// <summary>The database did not answer in time: unreachable, or every pooled connection busy.</summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string Conflict = "CONFLICT";

    /// <summary>Each moderation decision takes one appeal.</summary>
    public const string AlreadyAppealed = "ALREADY_APPEALED";

    /// <summary>What any exception that is neither an <see cref="AppException"/> nor a domain rule becomes.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>The code a client sees for a Domain refusal: the named rule's own, or the generic code for its kind.</summary>
    public static string Of(DomainException refusal) => refusal.Code ?? refusal.Refusal switch
    {
        DomainRefusal.InvalidInput => BadUserInput,
        DomainRefusal.NotAllowed => Forbidden,
        DomainRefusal.NotFound => NotFound,
        DomainRefusal.TooOften => RateLimited,
        _ => Internal,
    };
}
