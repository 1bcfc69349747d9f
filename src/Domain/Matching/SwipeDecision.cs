namespace Friender.Domain.Matching;

public enum SwipeDecision
{
    No = 0,
    Yes = 1,
}
