namespace Friender.GraphQL.Transport;

/// <summary>A request that cannot be executed, with the HTTP status and coded message the client gets.</summary>
internal sealed class RequestFailure(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static RequestFailure BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, TransportErrorCodes.BadRequest, message);
}
