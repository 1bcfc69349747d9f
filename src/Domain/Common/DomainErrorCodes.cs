namespace Friender.Domain.Common;

/// <summary>
/// Codes of the rules the Domain names (<see cref="DomainException"/>). The generic codes (bad input, forbidden, not
/// found, rate limited) belong to the Application, which answers them for its own reasons too (ADR 0021).
/// </summary>
public static class DomainErrorCodes
{
    public const string InvalidRefreshToken = "INVALID_REFRESH_TOKEN";
    public const string CannotSwipeSelf = "CANNOT_SWIPE_SELF";
    public const string NotMatched = "NOT_MATCHED";
    public const string PhotoLimitReached = "PHOTO_LIMIT_REACHED";

    /// <summary>One side of the match is suspended: the conversation can be read, not written.</summary>
    public const string MatchFrozen = "MATCH_FROZEN";

    public const string AlreadyAnswered = "ALREADY_ANSWERED";
}
