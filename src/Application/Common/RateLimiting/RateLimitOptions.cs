namespace Friender.Application.Common.RateLimiting;

/// <summary>Overrides of <see cref="RequestRateLimits"/>, by limit name (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Off only where a test or benchmark drives one account or address far beyond any person.</summary>
    public bool Enabled { get; set; } = true;

    public Dictionary<string, RateLimitSettings> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RateLimitSettings
{
    public int? PermitLimit { get; set; }

    public TimeSpan? Window { get; set; }
}
