using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Behaviors;
using Friender.Application.Common.Exceptions;
using Friender.GraphQL.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Friender.GraphQL.IntegrationTests.Profiles;

/// <summary>The gate in front of discovery, swiping and messaging, against the real database.</summary>
public sealed class ProfileCompletenessBehaviorTests(FrienderApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Handle_WhenTheSenderHasNoCompleteProfile_ShouldAnswerProfileIncompleteWithoutRunningTheHandler()
    {
        var session = await Client.SignUpAsync("xena");

        var (error, ran) = await SendGatedAsync(session);

        Assert.Equal("PROFILE_INCOMPLETE", Assert.IsType<AppException>(error).Code);
        Assert.False(ran);
    }

    [Fact]
    public async Task Handle_WhenTheSenderHasACompleteProfile_ShouldRunTheHandler()
    {
        var session = await Client.SignUpAsync("yusuf");
        await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input());

        var (error, ran) = await SendGatedAsync(session);

        Assert.Null(error);
        Assert.True(ran);
    }

    [Fact]
    public async Task Handle_WhenTheProfileIsCompletedAfterARefusal_ShouldRunTheHandler()
    {
        var session = await Client.SignUpAsync("zora");
        var (refused, _) = await SendGatedAsync(session);
        await Client.UpdateProfileAsync(session, Infrastructure.Profiles.Input());

        var (error, ran) = await SendGatedAsync(session);

        Assert.IsType<AppException>(refused);
        Assert.Null(error);
        Assert.True(ran);
    }

    [Fact]
    public async Task IsCompleteAsync_WhenAlreadyAnsweredYes_ShouldNotAskTheDatabaseAgain()
    {
        var complete = await Client.SignUpAsync("ursula");
        await Client.UpdateProfileAsync(complete, Infrastructure.Profiles.Input());
        var incomplete = await Client.SignUpAsync("vince");
        var gate = Api.Services.GetRequiredService<IProfileGate>();
        await gate.IsCompleteAsync(Guid.Parse(complete.UserId), CancellationToken.None);
        await gate.IsCompleteAsync(Guid.Parse(incomplete.UserId), CancellationToken.None);

        var again = await SqlCommands.CountAsync(() => gate.IsCompleteAsync(Guid.Parse(complete.UserId), CancellationToken.None));
        var stillNo = await SqlCommands.CountAsync(() => gate.IsCompleteAsync(Guid.Parse(incomplete.UserId), CancellationToken.None));

        Assert.Equal((0, true), again);
        Assert.Equal((1, false), stillNo);
    }

    private async Task<(Exception? Error, bool Ran)> SendGatedAsync(Session session)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var behavior = new ProfileCompletenessBehavior<GatedCommand, bool>(
            scope.ServiceProvider.GetRequiredService<IProfileGate>(), new FixedUser(Guid.Parse(session.UserId)));
        var ran = false;
        try
        {
            await behavior.Handle(new GatedCommand(), (_, _) => { ran = true; return ValueTask.FromResult(true); }, CancellationToken.None);
            return (null, ran);
        }
        catch (Exception exception)
        {
            return (exception, ran);
        }
    }

    private sealed record GatedCommand : ICommand<bool>, IRequireCompleteProfile;
}
