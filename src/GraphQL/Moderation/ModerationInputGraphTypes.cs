using Friender.Application.Moderation.AcknowledgeWarning;
using Friender.Application.Moderation.AnswerAppeal;
using Friender.Application.Moderation.AppealDecision;
using Friender.Application.Moderation.Moderate;
using Friender.Domain.Moderation;
using GraphQL.Types;

namespace Friender.GraphQL.Moderation;

internal sealed class ModerateInputGraphType : InputObjectGraphType<ModerateCommand>
{
    public ModerateInputGraphType()
    {
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person acted on; never yourself.");
        Field(input => input.Action, type: typeof(NonNullGraphType<ModerationActionKindGraphType>)).Description("Any kind but ANSWER_APPEAL.");
        Field(input => input.Reason).Description($"Why, up to {ModerationRules.ReasonMaxLength} characters: on the audit trail, and shown to the person for WARN, SUSPEND and BAN.");
        Field(input => input.ReportIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>))
            .Description("The open reports about the person this decides; omitted, all of them (for REMOVE_PHOTO, all about that photo; for LIFT, none).");
        Field(input => input.Until, type: typeof(DateTimeOffsetGraphType))
            .Description($"SUSPEND only: when it ends, within {ModerationRules.LongestSuspension.TotalDays:0} days.");
        Field(input => input.PhotoId, type: typeof(IdGraphType)).Description("REMOVE_PHOTO only: the photo.");
    }
}

internal sealed class AnswerAppealInputGraphType : InputObjectGraphType<AnswerAppealCommand>
{
    public AnswerAppealInputGraphType()
    {
        Field(input => input.AppealId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(input => input.Grant).Description("Granting an appeal against the suspension or ban in force lifts it.");
        Field(input => input.Reason).Description("Why; on the audit trail.");
    }
}

internal sealed class AcknowledgeWarningInputGraphType : InputObjectGraphType<AcknowledgeWarningCommand>
{
    public AcknowledgeWarningInputGraphType() =>
        Field(input => input.WarningId, type: typeof(NonNullGraphType<IdGraphType>));
}

internal sealed class AppealDecisionInputGraphType : InputObjectGraphType<AppealDecisionCommand>
{
    public AppealDecisionInputGraphType()
    {
        Field(input => input.ActionId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The decision: a warning's id.");
        Field(input => input.Text).Description($"Why the decision was wrong, up to {ModerationRules.AppealMaxLength} characters.");
    }
}

internal sealed class AppealSuspensionInputGraphType : InputObjectGraphType<AppealSuspensionCommand>
{
    public AppealSuspensionInputGraphType()
    {
        Field(input => input.Username).Description("Your username or email address.");
        Field(input => input.Password);
        Field(input => input.Text).Description($"Why the suspension or ban was wrong, up to {ModerationRules.AppealMaxLength} characters.");
    }
}
