using Friender.Application.Accounts.Common;
using Friender.Application.Accounts.LogIn;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Friender.Application.UnitTests.Accounts;

public sealed class LogInHandlerTests
{
    [Fact]
    public async Task Handle_WhenTheThrottleRefuses_ShouldAnswerRateLimitedWithoutCheckingThePassword()
    {
        var db = Substitute.For<IAppDbContext>();
        var hasher = Substitute.For<IPasswordHasher>();
        var throttle = Substitute.For<ILoginThrottle>();
        var caller = Substitute.For<ICurrentUser>();
        caller.IpAddress.Returns("203.0.113.7");
        throttle.RegisterAttemptAsync("ada", "203.0.113.7", Arg.Any<CancellationToken>())
            .Returns(new LoginThrottleVerdict(false, TimeSpan.FromSeconds(90)));
        var clock = new FakeTimeProvider();
        var handler = new LogInHandler(db, hasher, throttle, caller, new Credentials(db, hasher, throttle, caller),
            new SessionIssuer(db, Substitute.For<IAccessTokenIssuer>(), caller, clock), new AccountStanding(db, clock));

        var error = await Assert.ThrowsAsync<RateLimitedException>(async () =>
            await handler.Handle(new LogInCommand(" ADA ", "password guess"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        hasher.DidNotReceiveWithAnyArgs().Verify(default, default!);
        _ = db.DidNotReceive().Users;
    }
}
