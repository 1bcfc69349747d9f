namespace Friender.Infrastructure.Auth;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public int MaxAttemptsPerAccount { get; set; } = 10;

    public int MaxAttemptsPerAddress { get; set; } = 100;
}
