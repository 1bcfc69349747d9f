namespace Friender.Domain.Common;

/// <summary>
/// Codes of the rules the Domain guards (<see cref="DomainException"/>). Layers above reuse these codes when they refuse
/// the same thing for their own reasons, so each code is declared once, in the lowest layer that raises it.
/// </summary>
public static class DomainErrorCodes
{
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string CannotSwipeSelf = "CANNOT_SWIPE_SELF";
    public const string NotMatched = "NOT_MATCHED";
    public const string PhotoLimitReached = "PHOTO_LIMIT_REACHED";
}
