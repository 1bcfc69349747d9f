using Friender.Domain.Matching;
using Friender.Domain.Moderation;
using GraphQL.Types;

namespace Friender.GraphQL.Moderation;

internal sealed class ModerationActionKindGraphType : EnumerationGraphType<ModerationActionKind>
{
    public ModerationActionKindGraphType() =>
        Description = "What a moderator did: DISMISS, WARN, SUSPEND (until a time), BAN, REMOVE_PHOTO, LIFT (a suspension or ban), ANSWER_APPEAL.";
}

internal sealed class MatchStateGraphType : EnumerationGraphType<MatchState>
{
    public MatchStateGraphType() =>
        Description = "ACTIVE; FROZEN while one of the two is suspended (read-only: sending answers MATCH_FROZEN); ENDED.";
}
