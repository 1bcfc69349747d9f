using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Behaviors;
using Friender.Application.Common.Exceptions;
using Mediator;
using NSubstitute;

namespace Friender.Application.UnitTests.Common;

public sealed class AuthenticationBehaviorTests
{
    [Fact]
    public async Task Handle_WhenAnonymousCallerSendsAProtectedMessage_ShouldRefuseWithoutRunningTheHandler()
    {
        var behavior = new AuthenticationBehavior<ProtectedCommand, string>(Caller(userId: null));
        var handlerRan = false;

        await Assert.ThrowsAsync<UnauthenticatedException>(async () =>
            await behavior.Handle(new ProtectedCommand(), (_, _) => { handlerRan = true; return ValueTask.FromResult("ran"); }, CancellationToken.None));

        Assert.False(handlerRan);
    }

    [Fact]
    public async Task Handle_WhenAnonymousCallerSendsAnAnonymousMessage_ShouldRunTheHandler()
    {
        var behavior = new AuthenticationBehavior<OpenCommand, string>(Caller(userId: null));

        var result = await behavior.Handle(new OpenCommand(), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
    }

    [Fact]
    public async Task Handle_WhenLoggedInCallerSendsAProtectedMessage_ShouldRunTheHandler()
    {
        var behavior = new AuthenticationBehavior<ProtectedCommand, string>(Caller(Guid.CreateVersion7()));

        var result = await behavior.Handle(new ProtectedCommand(), (_, _) => ValueTask.FromResult("ran"), CancellationToken.None);

        Assert.Equal("ran", result);
    }

    private static ICurrentUser Caller(Guid? userId)
    {
        var caller = Substitute.For<ICurrentUser>();
        caller.Id.Returns(userId);
        return caller;
    }

    public sealed record ProtectedCommand : ICommand<string>;

    public sealed record OpenCommand : ICommand<string>, IAllowAnonymous;
}
