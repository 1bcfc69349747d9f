using Friender.Application.Discovery.Common;
using Friender.Application.Messaging.Common;

namespace Friender.Application.Matching.Common;

/// <param name="UnreadCount">Messages from the other person that the viewer has not marked read.</param>
public sealed record MatchDto(Guid Id, CandidateDto User, DateTimeOffset CreatedAt, MessageDto? LastMessage = null, int UnreadCount = 0);

/// <summary>A match of yours ended: one of you unmatched or blocked (which, and who, is not said).</summary>
public sealed record MatchEndedDto(Guid MatchId, DateTimeOffset EndedAt);
