namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Counts log-in attempts per account and per client address before the password is checked, so that parallel
/// guesses cannot slip past the limit.
/// </summary>
public interface ILoginThrottle
{
    ValueTask<LoginThrottleVerdict> RegisterAttemptAsync(string account, string? ipAddress, CancellationToken cancellationToken);

    ValueTask RegisterSuccessAsync(string account, string? ipAddress, CancellationToken cancellationToken);
}

public sealed record LoginThrottleVerdict(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly LoginThrottleVerdict Allow = new(true, TimeSpan.Zero);
}
