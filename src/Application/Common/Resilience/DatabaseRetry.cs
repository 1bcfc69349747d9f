using Friender.Application.Common.Abstractions;
using Polly;
using Polly.Retry;

namespace Friender.Application.Common.Resilience;

/// <summary>
/// The one budget for trying a database operation again after a transient failure: up to <see cref="MaxRetries"/>
/// more tries, 250 ms doubling (with jitter), about four seconds in all, which covers a Postgres restart. Use cases get
/// it through <c>DatabaseRetryBehavior</c>; reads outside a use case (the token check) through <see cref="ReadAsync{T}"/>.
/// </summary>
public sealed class DatabaseRetry(IDatabaseFaults faults)
{
    public const int MaxRetries = 4;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);

    private readonly ResiliencePipeline _reads = new ResiliencePipelineBuilder()
        .AddRetry(WithBudget(new RetryStrategyOptions
        {
            ShouldHandle = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is { } exception && faults.Classify(exception) is not DatabaseFault.None),
        }))
        .Build();

    /// <summary>Sets the budget on <paramref name="options"/>; the caller says what is retried.</summary>
    public static TOptions WithBudget<TOptions, TResult>(TOptions options)
        where TOptions : RetryStrategyOptions<TResult>
    {
        options.MaxRetryAttempts = MaxRetries;
        options.Delay = FirstDelay;
        options.BackoffType = DelayBackoffType.Exponential;
        options.UseJitter = true;
        return options;
    }

    public static RetryStrategyOptions WithBudget(RetryStrategyOptions options) => WithBudget<RetryStrategyOptions, object>(options);

    /// <summary>Runs a read, again after any transient failure.</summary>
    public ValueTask<T> ReadAsync<T>(Func<CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken) =>
        _reads.ExecuteAsync(read, cancellationToken);
}
