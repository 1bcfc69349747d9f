using Friender.Domain.Matching;
using Friender.Domain.Moderation;

namespace Friender.Application.Moderation.Common;

/// <summary>One person in the queue: their open reports, grouped.</summary>
/// <param name="DisplayName">Null when the account or profile is gone (the reports stay as evidence).</param>
/// <param name="CountingReporters">Different people who met them among the open reports' reporters.</param>
public sealed record ModerationCaseSummaryDto(
    Guid UserId, string? Username, string? DisplayName, int OpenReports, int CountingReporters, DateTimeOffset LatestReportAt,
    bool Hidden, bool Suspended);

/// <summary>A reported person's photo as a moderator sees it, hidden or not; or the copy a report kept of a deleted one.</summary>
public sealed record ModerationPhotoDto(Guid Id, Uri Url, DateTimeOffset UrlExpiresAt, bool Hidden, bool Deleted = false);

/// <summary>A message kept as evidence: whether the reported person wrote it, and whether it is the one reported.</summary>
public sealed record ReportedMessageDto(Guid Id, bool FromReportedPerson, string Body, DateTimeOffset SentAt, bool IsReported);

public sealed record ModerationReportDto(
    Guid Id, Guid ReporterId, string? ReporterName, ReportCategory Category, string? Reason, bool Counts, bool Blocked,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, Guid? ResolvedByActionId,
    Guid? PhotoId, ModerationPhotoDto? Photo, Guid? MessageId, IReadOnlyList<ReportedMessageDto> Conversation);

public sealed record SuspensionDto(DateTimeOffset? Until, string Reason, Guid ActionId, DateTimeOffset Since);

public sealed record AppealDto(Guid Id, Guid UserId, ModerationAction Action, string Text, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, bool? Granted);

/// <summary>Everything a moderator needs about one person, and no more: no email, ZIP code or location.</summary>
public sealed record ModerationCaseDto(
    Guid UserId, string? Username, string? DisplayName, string? Bio, IReadOnlyList<string> Hobbies, IReadOnlyList<string> Interests,
    DateTimeOffset? AccountCreatedAt, bool Hidden, SuspensionDto? Suspension, IReadOnlyList<ModerationPhotoDto> Photos,
    IReadOnlyList<ModerationReportDto> Reports, IReadOnlyList<ModerationAction> Actions, IReadOnlyList<AppealDto> Appeals);
