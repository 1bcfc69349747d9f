namespace Friender.Application.Common.Exceptions;

/// <summary>
/// The account is suspended (until <see cref="Until"/>) or banned (<see cref="Until"/> null): its tokens, refreshes and
/// log-ins are refused. The person is told why and until when, and may appeal (appealSuspension).
/// </summary>
public sealed class AccountSuspendedException(DateTimeOffset? until, string reason)
    : AppException(
        ErrorCodes.AccountSuspended,
        until is { } end
            ? $"This account is suspended until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {reason}"
            : $"This account is banned: {reason}")
{
    public DateTimeOffset? Until { get; } = until;

    public string Reason { get; } = reason;
}
