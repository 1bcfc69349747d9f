using Friender.Application.Discovery.Common;
using Friender.Application.Messaging.Common;
using Friender.Domain.Matching;

namespace Friender.Application.Matching.Common;

/// <param name="UnreadCount">Messages from the other person that the viewer has not marked read.</param>
/// <param name="State">ACTIVE, or FROZEN (read-only) while one of the two is suspended; ended matches are not listed.</param>
public sealed record MatchDto(
    Guid Id, CandidateDto User, DateTimeOffset CreatedAt, MessageDto? LastMessage = null, int UnreadCount = 0, MatchState State = MatchState.Active);

/// <summary>A match of yours ended: one of you unmatched or blocked (which, and who, is not said).</summary>
public sealed record MatchEndedDto(Guid MatchId, DateTimeOffset EndedAt);
