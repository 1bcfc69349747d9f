namespace Friender.Application.Common.Exceptions;

/// <summary>
/// Raised by persistence when a save breaks a unique constraint, so that use cases can answer races on unique data
/// without knowing the database driver.
/// </summary>
public sealed class UniqueConstraintViolationException(string constraintName, Exception innerException)
    : Exception($"The unique constraint '{constraintName}' was violated.", innerException)
{
    public string ConstraintName { get; } = constraintName;
}
