using Friender.Domain.Common;

namespace Friender.Domain.Matching;

/// <summary>A report for moderators; reporting someone also blocks them.</summary>
public sealed class Report
{
    public const int ReasonMaxLength = 1000;

    private Report()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public Guid ReportedId { get; private set; }

    public string Reason { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public static Report Create(Guid reporterId, Guid reportedId, string reason, DateTimeOffset now)
    {
        var trimmed = reason.Trim();
        if (trimmed.Length is 0 or > ReasonMaxLength)
            throw DomainException.InvalidInput($"Say what happened in 1-{ReasonMaxLength} characters.");
        if (reporterId == reportedId)
            throw DomainException.InvalidInput("You cannot report yourself.");

        return new Report { Id = Guid.CreateVersion7(now), ReporterId = reporterId, ReportedId = reportedId, Reason = trimmed, CreatedAt = now };
    }
}
