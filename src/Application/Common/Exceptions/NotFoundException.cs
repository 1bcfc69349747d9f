using Friender.Domain.Common;

namespace Friender.Application.Common.Exceptions;

public sealed class NotFoundException(string what) : AppException(DomainErrorCodes.NotFound, $"{what} was not found.");
