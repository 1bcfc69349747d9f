using Friender.Application.Common.Abstractions;
using Friender.Application.Discovery.Common;
using Friender.Application.Photos.Common;
using Friender.Application.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Friender.Application.UnitTests.Realtime;

public sealed class LiveFeedTests
{
    private readonly LiveFeed _feed;

    public LiveFeedTests()
    {
        var services = new ServiceCollection()
            .AddSingleton(Substitute.For<IAppDbContext>())
            .AddSingleton(Substitute.For<ICandidateSource>())
            .AddSingleton(Substitute.For<IPhotoStorage>())
            .AddScoped<PhotoUrls>()
            .AddScoped<CandidateViews>()
            .AddScoped<LiveDeliveries>()
            .BuildServiceProvider();
        _feed = new LiveFeed(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<LiveFeed>.Instance);
    }

    [Fact]
    public async Task DeliverAsync_ShouldReachOnlyTheRecipientsSubscriptionsOfThatType()
    {
        var ana = Guid.CreateVersion7();
        var ben = Guid.CreateVersion7();
        var anasRevocations = new List<AccessTokenRevokedEvent>();
        var bensRevocations = new List<AccessTokenRevokedEvent>();
        var anasMessages = new List<Messaging.Common.MessageDto>();
        using var one = _feed.Watch<AccessTokenRevokedEvent>(ana).Subscribe(new Collector<AccessTokenRevokedEvent>(anasRevocations));
        using var two = _feed.Watch<AccessTokenRevokedEvent>(ben).Subscribe(new Collector<AccessTokenRevokedEvent>(bensRevocations));
        using var three = _feed.Watch<Messaging.Common.MessageDto>(ana).Subscribe(new Collector<Messaging.Common.MessageDto>(anasMessages));
        var revoked = new AccessTokenRevokedEvent(ana, Guid.CreateVersion7());

        await _feed.DeliverAsync([revoked], CancellationToken.None);

        Assert.Equal([revoked], anasRevocations);
        Assert.Empty(bensRevocations);
        Assert.Empty(anasMessages);
    }

    [Fact]
    public async Task DeliverAsync_AfterTheSubscriptionIsDisposed_ShouldDeliverNothingAndForgetTheRecipient()
    {
        var ana = Guid.CreateVersion7();
        var received = new List<AccessTokenRevokedEvent>();
        var subscription = _feed.Watch<AccessTokenRevokedEvent>(ana).Subscribe(new Collector<AccessTokenRevokedEvent>(received));

        subscription.Dispose();
        await _feed.DeliverAsync([new AccessTokenRevokedEvent(ana, Guid.CreateVersion7())], CancellationToken.None);

        Assert.Empty(received);
        Assert.Equal(0, _feed.SubscriptionsOf(ana));
    }

    private sealed class Collector<T>(List<T> received) : IObserver<T>
    {
        public void OnNext(T value) => received.Add(value);

        public void OnError(Exception error) => throw error;

        public void OnCompleted()
        {
        }
    }
}
