using Friender.Domain.Common;

namespace Friender.Domain.Matching;

/// <summary>One person's answer about another. There is one per ordered pair, ever: it cannot be taken back.</summary>
public sealed class Swipe
{
    private Swipe()
    {
    }

    public Guid SwiperId { get; private set; }

    public Guid TargetId { get; private set; }

    public SwipeDecision Decision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Swipe Create(Guid swiperId, Guid targetId, SwipeDecision decision, DateTimeOffset now)
    {
        if (swiperId == targetId)
            throw new DomainException(DomainErrorCodes.CannotSwipeSelf, "You cannot swipe on yourself.");
        if (!Enum.IsDefined(decision))
            throw DomainException.InvalidInput("A swipe is YES or NO.");

        return new Swipe { SwiperId = swiperId, TargetId = targetId, Decision = decision, CreatedAt = now };
    }
}
