using Friender.Application.Moderation.AcknowledgeWarning;
using Friender.Application.Moderation.AppealDecision;
using Friender.Application.Moderation.Common;
using Friender.Domain.Moderation;
using Friender.GraphQL.Matching;
using GraphQL.Types;

namespace Friender.GraphQL.Moderation;

internal sealed class ModerationCaseSummaryGraphType : ObjectGraphType<ModerationCaseSummaryDto>
{
    public ModerationCaseSummaryGraphType()
    {
        Name = "ModerationQueueEntry";
        Description = "A reported person in the moderation queue, with their open reports counted. Moderators only.";
        Field(entry => entry.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(entry => entry.Username, nullable: true).Description("Null when the account has been deleted (its reports stay as evidence).");
        Field(entry => entry.DisplayName, nullable: true);
        Field(entry => entry.OpenReports).Description("Reports nobody has decided yet.");
        Field(entry => entry.CountingReporters).Description("Different people among them who had met the person (answered or matched them).");
        Field(entry => entry.LatestReportAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(entry => entry.Hidden).Description("Kept out of every deck: by reports past the threshold, or by a suspension.");
        Field(entry => entry.Suspended);
    }
}

internal sealed class ModerationPhotoGraphType : ObjectGraphType<ModerationPhotoDto>
{
    public ModerationPhotoGraphType()
    {
        Description = "A reported person's photo as moderators see it, hidden ones included.";
        Field(photo => photo.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field("url", photo => photo.Url.AbsoluteUri).Description("A presigned GET URL, valid until urlExpiresAt.");
        Field(photo => photo.UrlExpiresAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(photo => photo.Hidden).Description("Hidden from everyone else by reports until reviewed.");
        Field(photo => photo.Deleted).Description("Its owner deleted it: this is the copy the report kept (until 180 days after the decision).");
    }
}

internal sealed class ReportedMessageGraphType : ObjectGraphType<ReportedMessageDto>
{
    public ReportedMessageGraphType()
    {
        Description = "A message kept with a report: the one reported and a few around it, copied when reported, from a conversation the reporter was in.";
        Field(message => message.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(message => message.FromReportedPerson).Description("Sent by the reported person (otherwise by the reporter).");
        Field(message => message.Body);
        Field(message => message.SentAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(message => message.IsReported).Description("The message the report is about.");
    }
}

internal sealed class ModerationReportGraphType : ObjectGraphType<ModerationReportDto>
{
    public ModerationReportGraphType()
    {
        Name = "ModerationReport";
        Description = "A report as moderators see it.";
        Field(report => report.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(report => report.ReporterId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(report => report.ReporterName, nullable: true).Description("The reporter's display name, when they still have a profile.");
        Field(report => report.Category, type: typeof(NonNullGraphType<ReportCategoryGraphType>));
        Field(report => report.Reason, nullable: true);
        Field(report => report.Counts).Description("The reporter had met the person, so the report counts toward hiding them.");
        Field(report => report.Blocked).Description("The reporter also blocked the person.");
        Field(report => report.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(report => report.ResolvedAt, type: typeof(DateTimeOffsetGraphType)).Description("When a moderator decided it; null while open.");
        Field(report => report.ResolvedByActionId, type: typeof(IdGraphType));
        Field(report => report.PhotoId, type: typeof(IdGraphType)).Description("The photo reported, if any.");
        Field(report => report.Photo, type: typeof(ModerationPhotoGraphType))
            .Description("That photo, or the copy kept when it was reported (deleted: true); null once the evidence retention has passed.");
        Field(report => report.MessageId, type: typeof(IdGraphType)).Description("The message reported, if any.");
        Field(report => report.Conversation, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ReportedMessageGraphType>>>));
    }
}

internal sealed class SuspensionGraphType : ObjectGraphType<SuspensionDto>
{
    public SuspensionGraphType()
    {
        Description = "A suspension (until a time) or a ban (until null) in force.";
        Field(suspension => suspension.Until, type: typeof(DateTimeOffsetGraphType)).Description("Null for a ban.");
        Field(suspension => suspension.Reason);
        Field(suspension => suspension.ActionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(suspension => suspension.Since, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}

internal sealed class ModerationActionGraphType : ObjectGraphType<ModerationAction>
{
    public ModerationActionGraphType()
    {
        Description = "One entry of the audit trail: who did what to whom, when and why. Never changed or deleted.";
        Field(action => action.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(action => action.ModeratorId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(action => action.ModeratorUsername);
        Field(action => action.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The person acted on.");
        Field(action => action.Kind, type: typeof(NonNullGraphType<ModerationActionKindGraphType>));
        Field(action => action.Reason);
        Field(action => action.ReportIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("The reports it decided.");
        Field(action => action.Until, type: typeof(DateTimeOffsetGraphType)).Description("The end of a suspension.");
        Field(action => action.PhotoId, type: typeof(IdGraphType)).Description("The photo removed.");
        Field(action => action.AppealId, type: typeof(IdGraphType)).Description("The appeal answered.");
        Field(action => action.Granted, nullable: true).Description("Whether the appeal answered was granted.");
        Field(action => action.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}

internal sealed class AppealGraphType : ObjectGraphType<AppealDto>
{
    public AppealGraphType()
    {
        Description = "What a person said against a decision about them. One per decision.";
        Field(appeal => appeal.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(appeal => appeal.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(appeal => appeal.Action, type: typeof(NonNullGraphType<ModerationActionGraphType>)).Description("The decision appealed.");
        Field(appeal => appeal.Text);
        Field(appeal => appeal.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(appeal => appeal.AnsweredAt, type: typeof(DateTimeOffsetGraphType));
        Field(appeal => appeal.Granted, nullable: true);
    }
}

internal sealed class ModerationCaseGraphType : ObjectGraphType<ModerationCaseDto>
{
    public ModerationCaseGraphType()
    {
        Description = "One reported person, as much as a moderator needs: no email address, ZIP code or location.";
        Field(entry => entry.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(entry => entry.Username, nullable: true).Description("Null when the account has been deleted.");
        Field(entry => entry.DisplayName, nullable: true);
        Field(entry => entry.Bio, nullable: true);
        Field(entry => entry.Hobbies, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(entry => entry.Interests, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>));
        Field(entry => entry.AccountCreatedAt, type: typeof(DateTimeOffsetGraphType));
        Field(entry => entry.Hidden);
        Field(entry => entry.Suspension, type: typeof(SuspensionGraphType)).Description("The suspension or ban in force, if any.");
        Field(entry => entry.Photos, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ModerationPhotoGraphType>>>));
        Field(entry => entry.Reports, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ModerationReportGraphType>>>))
            .Description("Every report about them, newest first, decided ones included (their report history).");
        Field(entry => entry.Actions, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<ModerationActionGraphType>>>))
            .Description("Every action taken on them, newest first.");
        Field(entry => entry.Appeals, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AppealGraphType>>>));
    }
}

internal sealed class WarningGraphType : ObjectGraphType<WarningDto>
{
    public WarningGraphType()
    {
        Name = "ModerationWarning";
        Description = "A moderator's warning to you, shown until you acknowledge it.";
        Field(warning => warning.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Also the decision's id, for appealDecision.");
        Field(warning => warning.Reason);
        Field(warning => warning.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(warning => warning.Appealed);
    }
}

internal sealed class AppealResultGraphType : ObjectGraphType<AppealResult>
{
    public AppealResultGraphType()
    {
        Name = "AppealPayload";
        Field(result => result.AppealId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(result => result.ActionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(result => result.Confirmation).Description("What to tell the person.");
    }
}
