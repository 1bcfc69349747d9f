namespace Friender.GraphQL.Transport.WebSockets;

/// <summary>Close codes of the graphql-transport-ws protocol.</summary>
internal static class CloseCodes
{
    public const int BadRequest = 4400;
    public const int Unauthorized = 4401;
    public const int Forbidden = 4403;
    public const int ConnectionInitTimeout = 4408;
    public const int SubscriberAlreadyExists = 4409;
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The same code for "too many open connections": like HTTP 429, it tells clients not to retry at once.</summary>
    public const int TooManyRequests = 4429;

    /// <summary>RFC 6455's "Try Again Later": the database could not be reached; graphql-ws clients reconnect.</summary>
    public const int TryAgainLater = 1013;

    /// <summary>RFC 6455's "Internal Error": something unexpected, logged on the server.</summary>
    public const int InternalError = 1011;
}
