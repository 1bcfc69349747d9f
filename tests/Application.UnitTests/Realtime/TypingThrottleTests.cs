using Friender.Application.Realtime;
using Microsoft.Extensions.Time.Testing;

namespace Friender.Application.UnitTests.Realtime;

public sealed class TypingThrottleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly Guid _ana = Guid.CreateVersion7();
    private readonly Guid _match = Guid.CreateVersion7();

    [Fact]
    public void TryAcquire_TwiceWithinASecond_ShouldLetOnlyTheFirstThrough()
    {
        var throttle = new TypingThrottle(_clock);

        Assert.True(throttle.TryAcquire(_ana, _match));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(throttle.TryAcquire(_ana, _match));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(throttle.TryAcquire(_ana, _match));
    }

    [Fact]
    public void TryAcquire_ForAnotherMatchOrPerson_ShouldCountSeparately()
    {
        var throttle = new TypingThrottle(_clock);

        Assert.True(throttle.TryAcquire(_ana, _match));
        Assert.True(throttle.TryAcquire(_ana, Guid.CreateVersion7()));
        Assert.True(throttle.TryAcquire(Guid.CreateVersion7(), _match));
    }
}
