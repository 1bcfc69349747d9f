using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Resilience;
using Mediator;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Friender.Application.Common.Behaviors;

/// <summary>
/// Runs a use case again when the database failed it transiently (a restart, a failover, Postgres out of
/// connections): a query after any such failure, a command only when nothing reached the database
/// (<see cref="DatabaseFault.NotReached"/>), since a write that was cut off may have committed, unless running it
/// twice does no more than running it once (<see cref="IIdempotentCommand"/>). Before a command runs
/// again, what it staged is discarded. The budget is <see cref="DatabaseRetry"/>'s, so a database restart fails no
/// request; past it the client gets DATABASE_UNAVAILABLE. Retrying the whole use case,
/// not single statements, also covers EF Core, whose retrying strategy does not fit our transactions (ADR 0026).
/// </summary>
public sealed class DatabaseRetryBehavior<TMessage, TResponse>(IDatabaseFaults faults, IAppDbContext db, ILogger<DatabaseRetryBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsQuery = typeof(TMessage).GetInterfaces()
        .Any(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IQuery<>));

    private static readonly bool IsIdempotent = typeof(IIdempotentCommand).IsAssignableFrom(typeof(TMessage));

    private static readonly ResiliencePropertyKey<(DatabaseRetryBehavior<TMessage, TResponse> Behavior, TMessage Message, MessageHandlerDelegate<TMessage, TResponse> Next)> State = new("state");

    private static readonly ResiliencePipeline<TResponse> Pipeline = new ResiliencePipelineBuilder<TResponse>()
        .AddRetry(DatabaseRetry.WithBudget<RetryStrategyOptions<TResponse>, TResponse>(new RetryStrategyOptions<TResponse>
        {
            ShouldHandle = arguments => ValueTask.FromResult(
                arguments.Outcome.Exception is { } exception
                && arguments.Context.Properties.TryGetValue(State, out var state)
                && state.Behavior.Retryable(exception)),
            OnRetry = arguments =>
            {
                if (arguments.Context.Properties.TryGetValue(State, out var state))
                    state.Behavior.Retrying(arguments.Outcome.Exception!, arguments.AttemptNumber);
                return ValueTask.CompletedTask;
            },
        }))
        .Build();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(State, (this, message, next));
        try
        {
            return await Pipeline.ExecuteAsync(
                static async context =>
                {
                    context.Properties.TryGetValue(State, out var state);
                    return await state.Next(state.Message, context.CancellationToken);
                },
                context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool Retryable(Exception exception) => faults.Classify(exception) switch
    {
        DatabaseFault.NotReached => true,
        DatabaseFault.Interrupted => IsQuery || IsIdempotent,
        _ => false,
    };

    private void Retrying(Exception exception, int attempt)
    {
        logger.LogWarning(exception, "The database failed {Request} transiently; trying again ({Attempt} of {Max})", typeof(TMessage).Name, attempt + 1, DatabaseRetry.MaxRetries);
        if (!IsQuery)
            db.DiscardChanges();
    }
}
