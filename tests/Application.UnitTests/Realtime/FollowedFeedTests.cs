using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Discovery.Common;
using Friender.Application.Photos.Common;
using Friender.Application.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Friender.Application.UnitTests.Realtime;

/// <summary>
/// A subscription with a cursor: the journal's events after it first, then live ones, each once and in order, however
/// the two overlap. Log-out notices stand in for kept events here because they are delivered without a database.
/// </summary>
public sealed class FollowedFeedTests
{
    private static readonly Guid Ana = Guid.CreateVersion7();
    private readonly GatedJournal _journal = new();
    private readonly LiveFeed _feed;

    public FollowedFeedTests()
    {
        var services = new ServiceCollection()
            .AddSingleton(Substitute.For<IAppDbContext>())
            .AddSingleton(Substitute.For<ICandidateSource>())
            .AddSingleton(Substitute.For<IPhotoStorage>())
            .AddSingleton<ILiveJournal>(_journal)
            .AddScoped<PhotoUrls>()
            .AddScoped<CandidateViews>()
            .AddScoped<LiveDeliveries>()
            .BuildServiceProvider();
        _feed = new LiveFeed(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveFeed>.Instance);
    }

    [Fact]
    public async Task Follow_WhenLiveEventsArriveDuringTheReplay_ShouldSendEachOnceInOrder()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([At(3), At(4)], Head: 4, PrunedThrough: 0, ReadThrough: 4));
        var received = new Collector();
        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 2).Subscribe(received);

        await _journal.Reading.Task;
        // NOTIFY of 4 arrives after the journal was read, and 5 is new: both while the replay is still sending.
        await _feed.DeliverAsync([At(4), At(5)], CancellationToken.None);
        Assert.Empty(received.Items);
        _journal.Release.SetResult();
        await received.CountReached(3);
        await _feed.DeliverAsync([At(5), At(6)], CancellationToken.None);

        Assert.Equal([3L, 4, 5, 6], received.Items.Select(item => item.Payload.Position!.Value));
        Assert.Equal(LiveCursor.Encode(Ana, 6), received.Items[^1].Cursor);
    }

    [Fact]
    public async Task Follow_WhenTheJournalHasMorePages_ShouldReadOnUntilItReachesTheHead()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([At(1)], Head: 3, PrunedThrough: 0, ReadThrough: 2));
        _journal.Pages.Enqueue(new LiveJournalPage([At(3)], Head: 3, PrunedThrough: 0, ReadThrough: 3));
        _journal.Release.SetResult();
        var received = new Collector();

        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 0).Subscribe(received);
        await received.CountReached(2);

        Assert.Equal([1L, 3], received.Items.Select(item => item.Payload.Position!.Value));
        Assert.Equal([0L, 2], _journal.Afters);
    }

    [Fact]
    public async Task CatchUp_AfterAnInterruption_ShouldSendWhatWasMissedThenWhatWasHeldBack()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([], Head: 2, PrunedThrough: 0, ReadThrough: 2));
        _journal.Pages.Enqueue(new LiveJournalPage([At(4), At(5), At(6)], Head: 6, PrunedThrough: 0, ReadThrough: 6));
        _journal.Release.SetResult();
        var received = new Collector();
        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 2).Subscribe(received);
        await WaitUntilAsync(() => _journal.Pages.Count == 1);
        await _feed.DeliverAsync([At(3)], CancellationToken.None);
        await received.CountReached(1);

        _feed.Interrupted();
        // 4 and 5 were sent while nobody listened; 6 arrives once listening again, before the catch-up reads.
        await _feed.DeliverAsync([At(6)], CancellationToken.None);
        Assert.Single(received.Items);
        _feed.CatchUp();
        await received.CountReached(4);
        await _feed.DeliverAsync([At(7)], CancellationToken.None);

        Assert.Equal([3L, 4, 5, 6, 7], received.Items.Select(item => item.Payload.Position!.Value));
        Assert.Equal([2L, 3], _journal.Afters);
    }

    [Fact]
    public async Task Live_WhenAnEventOvertakesAnEarlierOne_ShouldReadTheEarlierFromTheJournalAndSendBothInOrder()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([], Head: 2, PrunedThrough: 0, ReadThrough: 2));
        _journal.Pages.Enqueue(new LiveJournalPage([At(4), At(5)], Head: 5, PrunedThrough: 0, ReadThrough: 5));
        _journal.Release.SetResult();
        var received = new Collector();
        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 2).Subscribe(received);
        await WaitUntilAsync(() => _journal.Pages.Count == 1);
        await _feed.DeliverAsync([At(3)], CancellationToken.None);
        await received.CountReached(1);

        // Published after commit, 5 arrives before 4 (Redis); 4 committed before 5 took its position.
        await _feed.DeliverAsync([At(5)], CancellationToken.None);
        await received.CountReached(3);
        await _feed.DeliverAsync([At(4)], CancellationToken.None);

        Assert.Equal([3L, 4, 5], received.Items.Select(item => item.Payload.Position!.Value));
        Assert.Equal([2L, 3], _journal.Afters);
    }

    [Fact]
    public async Task Replay_WhenWhatWasHeldBackSkipsAPosition_ShouldReadTheJournalAgainRatherThanSendPastIt()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([], Head: 2, PrunedThrough: 0, ReadThrough: 2));
        _journal.Pages.Enqueue(new LiveJournalPage([At(3), At(4)], Head: 4, PrunedThrough: 0, ReadThrough: 4));
        var received = new Collector();
        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 2).Subscribe(received);
        await _journal.Reading.Task;

        // 3 and 4 commit after the journal was read; only 4 has arrived when the replay ends.
        await _feed.DeliverAsync([At(4)], CancellationToken.None);
        _journal.Release.SetResult();
        await received.CountReached(2);
        await _feed.DeliverAsync([At(3)], CancellationToken.None);

        Assert.Equal([3L, 4], received.Items.Select(item => item.Payload.Position!.Value));
        Assert.Equal([2L, 2], _journal.Afters);
    }

    [Fact]
    public async Task Follow_WhenTheCursorWasPrunedMeanwhile_ShouldEndWithResyncRequired()
    {
        _journal.Pages.Enqueue(new LiveJournalPage([], Head: 9, PrunedThrough: 5, ReadThrough: 2));
        _journal.Release.SetResult();
        var received = new Collector();

        using var subscription = _feed.Follow<AccessTokenRevokedEvent>(Ana, after: 2).Subscribe(received);

        var error = await received.Failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ErrorCodes.ResyncRequired, Assert.IsType<AppException>(error).Code);
        Assert.Equal(0, _feed.SubscriptionsOf(Ana));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 1_000 && !condition(); attempt++)
            await Task.Delay(10);
    }

    private static AccessTokenRevokedEvent At(long position) => new AccessTokenRevokedEvent(Ana, AccessTokenRevokedEvent.AllTokens) { Position = position };

    private sealed class GatedJournal : ILiveJournal
    {
        public Queue<LiveJournalPage> Pages { get; } = new();

        public List<long> Afters { get; } = [];

        public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<LiveJournalPage> ReadAsync(Guid recipientId, long after, int limit, CancellationToken cancellationToken)
        {
            Afters.Add(after);
            Reading.TrySetResult();
            await Release.Task;
            return Pages.Dequeue();
        }
    }

    private sealed class Collector : IObserver<LiveItem<AccessTokenRevokedEvent>>
    {
        private readonly Lock _gate = new();

        public List<LiveItem<AccessTokenRevokedEvent>> Items { get; } = [];

        public TaskCompletionSource<Exception> Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task CountReached(int count)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                lock (_gate)
                {
                    if (Items.Count >= count)
                        return;
                }

                await Task.Delay(10);
            }
        }

        public void OnNext(LiveItem<AccessTokenRevokedEvent> value)
        {
            lock (_gate)
                Items.Add(value);
        }

        public void OnError(Exception error) => Failed.TrySetResult(error);

        public void OnCompleted()
        {
        }
    }
}
