namespace Friender.Infrastructure.Auth;

internal sealed class LoginAttemptWindow
{
    public string Key { get; set; } = string.Empty;

    public DateTimeOffset WindowStartedAt { get; set; }

    public int Attempts { get; set; }
}
