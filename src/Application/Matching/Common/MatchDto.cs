using Friender.Application.Discovery.Common;

namespace Friender.Application.Matching.Common;

public sealed record MatchDto(Guid Id, CandidateDto User, DateTimeOffset CreatedAt);
