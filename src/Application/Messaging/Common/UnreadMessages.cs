using Friender.Domain.Messaging;

namespace Friender.Application.Messaging.Common;

/// <summary>What "unread" means everywhere it is counted (a match's unreadCount, unreadTotal): sent to me, not read yet.</summary>
internal static class UnreadMessages
{
    public static IQueryable<Message> UnreadBy(this IQueryable<Message> messages, Guid readerId) =>
        messages.Where(message => message.SenderId != readerId && message.ReadAt == null);
}
