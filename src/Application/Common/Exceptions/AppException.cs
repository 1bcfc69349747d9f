namespace Friender.Application.Common.Exceptions;

/// <summary>An error the caller can act on; its code reaches the client as <c>extensions.code</c>.</summary>
public class AppException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
