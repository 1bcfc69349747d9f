using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Behaviors;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Friender.Application.UnitTests.Common;

public sealed class DatabaseRetryBehaviorTests
{
    private readonly IAppDbContext _db = Substitute.For<IAppDbContext>();

    [Fact]
    public async Task AQuery_InterruptedTwice_ShouldRunAgainAndAnswer()
    {
        var calls = 0;
        var behavior = new DatabaseRetryBehavior<ReadSomething, int>(new Faults(DatabaseFault.Interrupted), _db, NullLogger<DatabaseRetryBehavior<ReadSomething, int>>.Instance);

        var answer = await behavior.Handle(new ReadSomething(), (_, _) => ++calls < 3 ? throw new Transient() : ValueTask.FromResult(42), CancellationToken.None);

        Assert.Equal(42, answer);
        Assert.Equal(3, calls);
        _db.DidNotReceive().DiscardChanges();
    }

    [Fact]
    public async Task ACommand_Interrupted_ShouldNotRunAgain_BecauseItMayHaveCommitted()
    {
        var calls = 0;
        var behavior = new DatabaseRetryBehavior<WriteSomething, int>(new Faults(DatabaseFault.Interrupted), _db, NullLogger<DatabaseRetryBehavior<WriteSomething, int>>.Instance);

        await Assert.ThrowsAsync<Transient>(async () =>
            await behavior.Handle(new WriteSomething(), (_, _) => { calls++; throw new Transient(); }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task AnIdempotentCommand_Interrupted_ShouldRunAgain_BecauseASecondRunFindsWhatTheFirstStored()
    {
        var calls = 0;
        var behavior = new DatabaseRetryBehavior<WriteOnce, int>(new Faults(DatabaseFault.Interrupted), _db, NullLogger<DatabaseRetryBehavior<WriteOnce, int>>.Instance);

        var answer = await behavior.Handle(new WriteOnce(), (_, _) => ++calls < 2 ? throw new Transient() : ValueTask.FromResult(5), CancellationToken.None);

        Assert.Equal(5, answer);
        Assert.Equal(2, calls);
        _db.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task ACommand_ThatNeverReachedTheDatabase_ShouldRunAgainWithNothingStaged()
    {
        var calls = 0;
        var behavior = new DatabaseRetryBehavior<WriteSomething, int>(new Faults(DatabaseFault.NotReached), _db, NullLogger<DatabaseRetryBehavior<WriteSomething, int>>.Instance);

        var answer = await behavior.Handle(new WriteSomething(), (_, _) => ++calls < 2 ? throw new Transient() : ValueTask.FromResult(7), CancellationToken.None);

        Assert.Equal(7, answer);
        Assert.Equal(2, calls);
        _db.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task AnythingElse_ShouldFailAtOnce_AndAFaultThatLasts_ShouldFailAfterTheBudget()
    {
        var other = 0;
        var lasting = 0;
        var plain = new DatabaseRetryBehavior<ReadSomething, int>(new Faults(DatabaseFault.None), _db, NullLogger<DatabaseRetryBehavior<ReadSomething, int>>.Instance);
        var down = new DatabaseRetryBehavior<ReadSomething, int>(new Faults(DatabaseFault.NotReached), _db, NullLogger<DatabaseRetryBehavior<ReadSomething, int>>.Instance);

        await Assert.ThrowsAsync<Transient>(async () => await plain.Handle(new ReadSomething(), (_, _) => { other++; throw new Transient(); }, CancellationToken.None));
        await Assert.ThrowsAsync<Transient>(async () => await down.Handle(new ReadSomething(), (_, _) => { lasting++; throw new Transient(); }, CancellationToken.None));

        Assert.Equal(1, other);
        Assert.Equal(1 + Application.Common.Resilience.DatabaseRetry.MaxRetries, lasting);
    }

    public sealed record ReadSomething : IQuery<int>;

    public sealed record WriteSomething : ICommand<int>;

    public sealed record WriteOnce : ICommand<int>, Application.Common.Resilience.IIdempotentCommand;

    private sealed class Transient : Exception;

    private sealed class Faults(DatabaseFault fault) : IDatabaseFaults
    {
        public DatabaseFault Classify(Exception exception) => exception is Transient ? fault : DatabaseFault.None;
    }
}
