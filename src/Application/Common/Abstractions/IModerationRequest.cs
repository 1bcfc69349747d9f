namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Marks moderation messages: they run only for a moderator, checked against the database on every one
/// (<see cref="Behaviors.ModeratorBehavior{TMessage,TResponse}"/>), so a revoked moderator is refused at once.
/// </summary>
public interface IModerationRequest;
