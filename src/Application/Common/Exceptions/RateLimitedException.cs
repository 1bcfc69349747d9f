namespace Friender.Application.Common.Exceptions;

public sealed class RateLimitedException(TimeSpan retryAfter)
    : AppException(ErrorCodes.RateLimited, $"Too many attempts. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
