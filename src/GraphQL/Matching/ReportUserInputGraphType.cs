using Friender.Application.Matching.ReportUser;
using Friender.Domain.Matching;
using GraphQL.Types;

namespace Friender.GraphQL.Matching;

internal sealed class ReportUserInputGraphType : InputObjectGraphType<ReportUserCommand>
{
    public ReportUserInputGraphType()
    {
        Field(input => input.UserId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(input => input.Category, type: typeof(ReportCategoryGraphType)).DefaultValue(ReportCategory.Other)
            .Description("What the report is about; OTHER (the default) needs a reason.");
        Field(input => input.Reason, nullable: true)
            .Description($"What happened, up to {Report.ReasonMaxLength} characters; optional except for OTHER. Read by moderators only.");
        Field(input => input.PhotoId, type: typeof(IdGraphType)).Description("One of the person's photos, when the report is about it.");
        Field(input => input.MessageId, type: typeof(IdGraphType))
            .Description("One of the person's messages to you, when the report is about it (not with photoId).");
        Field(input => input.Block, type: typeof(BooleanGraphType)).DefaultValue(true)
            .Description("Also block the person: you never see each other again and any match ends. True unless you say otherwise.");
    }
}
