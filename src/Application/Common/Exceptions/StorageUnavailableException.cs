namespace Friender.Application.Common.Exceptions;

public sealed class StorageUnavailableException(Exception innerException)
    : AppException(ErrorCodes.StorageUnavailable, "Photo storage is unavailable right now; nothing was saved. Try again in a moment.")
{
    public Exception Cause { get; } = innerException;
}
