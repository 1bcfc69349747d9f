using Friender.Application.Discovery.Common;
using Friender.Application.Messaging.Common;

namespace Friender.Application.Matching.Common;

/// <param name="UnreadCount">Messages from the other person that the viewer has not marked read.</param>
public sealed record MatchDto(Guid Id, CandidateDto User, DateTimeOffset CreatedAt, MessageDto? LastMessage = null, int UnreadCount = 0);
