using Friender.Application.Moderation.AcknowledgeWarning;
using Friender.Application.Moderation.AnswerAppeal;
using Friender.Application.Moderation.AppealDecision;
using Friender.Application.Moderation.Moderate;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Moderation;

internal static class ModerationMutations
{
    public static void AddModerationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ModerationActionGraphType>>("moderate")
            .Description("Moderators only. Dismisses, warns, suspends, bans, removes a photo or lifts a suspension; on the audit trail with its reason.")
            .Argument<NonNullGraphType<ModerateInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<ModerateCommand>("input")));

        mutation.Field<NonNullGraphType<AppealGraphType>>("answerAppeal")
            .Description("Moderators only. Grants or refuses an appeal; granting one against the suspension or ban in force lifts it.")
            .Argument<NonNullGraphType<AnswerAppealInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<AnswerAppealCommand>("input")));

        mutation.Field<NonNullGraphType<WarningGraphType>>("acknowledgeWarning")
            .Description("Says you have read a warning; it is not shown again.")
            .Argument<NonNullGraphType<AcknowledgeWarningInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<AcknowledgeWarningCommand>("input")));

        mutation.Field<NonNullGraphType<AppealResultGraphType>>("appealDecision")
            .Description("Appeals a warning you were given: once per decision (ALREADY_APPEALED after).")
            .Argument<NonNullGraphType<AppealDecisionInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<AppealDecisionCommand>("input")));

        mutation.Field<NonNullGraphType<AppealResultGraphType>>("appealSuspension")
            .Description("No login needed: appeals the suspension or ban of the account whose username and password you give; once per decision.")
            .Argument<NonNullGraphType<AppealSuspensionInputGraphType>>("input")
            .ResolveAsync(async context => await context.Send(context.GetArgument<AppealSuspensionCommand>("input")));
    }
}
