using Friender.Application.Moderation.GetAuditTrail;
using Friender.Application.Moderation.GetModerationCase;
using Friender.Application.Moderation.GetModerationQueue;
using Friender.Application.Moderation.GetOpenAppeals;
using Friender.GraphQL.Common;
using GraphQL;
using GraphQL.Types;

namespace Friender.GraphQL.Moderation;

/// <summary>Moderators only: everyone else gets FORBIDDEN, decided in the Application for every request.</summary>
internal static class ModerationQueries
{
    public static void AddModerationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModerationCaseSummaryGraphType>>>>("moderationQueue")
            .Description("Moderators only. People with open reports, most reported first, then most recently reported; never yourself.")
            .Argument<IntGraphType>("first", argument => argument.DefaultValue = GetModerationQueueQuery.DefaultSize)
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetModerationQueueQuery(context.GetArgument("first", GetModerationQueueQuery.DefaultSize))));

        query.Field<NonNullGraphType<ModerationCaseGraphType>>("moderationCase")
            .Description("Moderators only. One person's profile, photos, reports, actions and appeals; FORBIDDEN for yourself.")
            .Argument<NonNullGraphType<IdGraphType>>("userId")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetModerationCaseQuery(context.GetIdArgument("userId"))));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AppealGraphType>>>>("moderationAppeals")
            .Description("Moderators only. Appeals nobody has answered, oldest first; never your own.")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(new GetOpenAppealsQuery()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModerationActionGraphType>>>>("moderationAuditTrail")
            .Description("Moderators only. Every moderator action, newest first; before pages back from an action's createdAt.")
            .Argument<IntGraphType>("first", argument => argument.DefaultValue = 50)
            .Argument<DateTimeOffsetGraphType>("before")
            .WithComplexityImpact(DocumentLimits.DatabaseFieldImpact)
            .ResolveAsync(async context => await context.Send(
                new GetAuditTrailQuery(context.GetArgument("first", 50), context.GetArgument<DateTimeOffset?>("before"))));
    }
}
