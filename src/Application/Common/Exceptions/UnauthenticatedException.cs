namespace Friender.Application.Common.Exceptions;

public sealed class UnauthenticatedException()
    : AppException(ErrorCodes.Unauthenticated, "Log in first: this needs a valid access token (Authorization: Bearer <token>).");
