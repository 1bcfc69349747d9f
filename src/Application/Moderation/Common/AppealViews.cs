using Friender.Domain.Moderation;

namespace Friender.Application.Moderation.Common;

internal static class AppealViews
{
    public static AppealDto ToDto(Appeal appeal, ModerationAction action) =>
        new(appeal.Id, appeal.UserId, action, appeal.Text, appeal.CreatedAt, appeal.AnsweredAt, appeal.Granted);
}
