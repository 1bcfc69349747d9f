using Friender.Domain.Matching;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Where answers are kept. Answering is the busiest write of the app, so an answer is checked and recorded in a
/// single round trip.
/// </summary>
public interface ISwipeLedger
{
    /// <summary>
    /// Records <paramref name="swipe"/> when discovery could show its target to its swiper (the same rule,
    /// <see cref="Domain.Discovery.VisibilityRule"/>) and the swiper has not answered them yet. For a YES, also returns
    /// the target's YES to the swiper when there is one: of two people saying yes to each other at the same instant,
    /// the one recorded second is always told of the other's yes.
    /// </summary>
    Task<SwipeRecording> RecordAsync(Swipe swipe, CancellationToken cancellationToken);
}

/// <summary>What became of an answer; the numbers are the database's (Functions/swipe_if_showable.sql).</summary>
public enum SwipeOutcome : short
{
    Recorded = 0,

    /// <summary>The swiper had already answered the target; answers are final.</summary>
    AlreadyAnswered = 1,

    /// <summary>Discovery could not show the target to the swiper, or either of them has no profile.</summary>
    NotShowable = 2,
}

/// <param name="TheirYes">The target's YES to the swiper, for a YES that completes a pair.</param>
public sealed record SwipeRecording(SwipeOutcome Outcome, Swipe? TheirYes);
