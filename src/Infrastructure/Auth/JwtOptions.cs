namespace Friender.Infrastructure.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>The key in appsettings.json, for local use only: the app refuses to start with it outside Development.</summary>
    public const string DevelopmentSigningKey = "ZnJpZW5kZXItZGV2ZWxvcG1lbnQtc2lnbmluZy1rZXktbm90LWZvci1wcm9kdWN0aW9uIQ==";

    public string Issuer { get; set; } = "friender";

    public string Audience { get; set; } = "friender-clients";

    /// <summary>Base64 of at least 32 random bytes (HS256 needs a 256-bit key).</summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public byte[] SigningKeyBytes()
    {
        try
        {
            return Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
