namespace Friender.Application.Common.Exceptions;

public sealed class NotFoundException(string what) : AppException(ErrorCodes.NotFound, $"{what} was not found.");
