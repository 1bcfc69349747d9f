using System.Diagnostics;

namespace Friender.Application.Common.Behaviors;

/// <summary>The Application's span source; the host subscribes to <see cref="SourceName"/>.</summary>
public static class ApplicationTelemetry
{
    public const string SourceName = "Friender.Application";

    internal static readonly ActivitySource Source = new(SourceName);
}
