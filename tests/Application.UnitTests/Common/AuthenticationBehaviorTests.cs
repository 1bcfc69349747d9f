using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Behaviors;
using Friender.Application.Common.Exceptions;
using Friender.Application.Moderation.Common;
using Mediator;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Friender.Application.UnitTests.Common;

public sealed class AuthenticationBehaviorTests
{
    [Fact]
    public async Task Handle_WhenAnonymousCallerSendsAProtectedMessage_ShouldRefuseWithoutRunningTheHandler()
    {
        var behavior = new AuthenticationBehavior<ProtectedCommand, string>(Caller(userId: null), Standing());
        var handlerRan = false;

        await Assert.ThrowsAsync<UnauthenticatedException>(async () =>
            await behavior.Handle(new ProtectedCommand(), (_, _) => { handlerRan = true; return ValueTask.FromResult("ran"); }, CancellationToken.None));

        Assert.False(handlerRan);
    }

    [Fact]
    public async Task Handle_WhenAnonymousCallerSendsAnAnonymousMessage_ShouldRunTheHandler()
    {
        var behavior = new AuthenticationBehavior<OpenCommand, string>(Caller(userId: null), Standing());

        var result = await behavior.Handle(new OpenCommand(), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
    }

    [Fact]
    public async Task Handle_WhenLoggedInCallerSendsAProtectedMessage_ShouldRunTheHandler()
    {
        var behavior = new AuthenticationBehavior<ProtectedCommand, string>(Caller(Guid.CreateVersion7()), Standing());

        var result = await behavior.Handle(new ProtectedCommand(), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
    }

    [Fact]
    public async Task Handle_WhenASuspendedAccountSendsAMessageAllowedToIt_ShouldRunTheHandlerWithoutAskingTheDatabase()
    {
        var caller = Caller(Guid.CreateVersion7());
        caller.Suspended.Returns(true);
        var db = Substitute.For<IAppDbContext>();
        var behavior = new AuthenticationBehavior<SuspendedMayCommand, string>(caller, new AccountStanding(db, new FakeTimeProvider()));

        var result = await behavior.Handle(new SuspendedMayCommand(), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
        _ = db.DidNotReceive().AccountSuspensions;
    }

    private static AccountStanding Standing() => new(Substitute.For<IAppDbContext>(), new FakeTimeProvider());

    private static ICurrentUser Caller(Guid? userId)
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns(userId);
        return caller;
    }

    public sealed record ProtectedCommand : ICommand<string>;

    public sealed record OpenCommand : ICommand<string>, IAllowAnonymous;

    public sealed record SuspendedMayCommand : ICommand<string>, IAllowSuspended;
}
