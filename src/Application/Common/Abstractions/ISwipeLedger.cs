using Friender.Domain.Matching;

namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Where answers are kept. Answering is the busiest write of the app, so recording one is a single round trip.
/// </summary>
public interface ISwipeLedger
{
    /// <summary>
    /// Records <paramref name="swipe"/> unless its swiper already answered its target. For a YES, also returns the
    /// target's YES to the swiper when there is one: of two people saying yes to each other at the same instant, the
    /// one recorded second is always told of the other's yes.
    /// </summary>
    Task<SwipeRecording> RecordAsync(Swipe swipe, CancellationToken cancellationToken);
}

/// <param name="Recorded">False when the swiper had already answered the target; answers are final.</param>
/// <param name="TheirYes">The target's YES to the swiper, for a YES that completes a pair.</param>
public sealed record SwipeRecording(bool Recorded, Swipe? TheirYes);
