namespace Friender.GraphQL.Transport;

/// <summary>
/// Codes of errors raised before a request reaches GraphQL execution that no use case raises; the transport answers
/// a body too large or of the wrong type with the Application's <c>PAYLOAD_TOO_LARGE</c> and <c>UNSUPPORTED_MEDIA_TYPE</c>.
/// </summary>
internal static class TransportErrorCodes
{
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>A request to the session endpoints without the header a cross-site page cannot send (RefreshCookie).</summary>
    public const string CsrfHeaderRequired = "CSRF_HEADER_REQUIRED";
}
