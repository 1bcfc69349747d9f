using Friender.Application.Common.Exceptions;
using Friender.Domain.Common;
using GraphQL;
using GraphQL.Execution;

namespace Friender.GraphQL.Common;

/// <summary>The one place where exceptions become GraphQL errors with <c>extensions.code</c>.</summary>
internal static class ErrorMapping
{
    private const string InternalMessage = "Something went wrong on our side. It has been logged; please try again.";

    private const string BusyMessage = "The service is too busy to answer right now; please try again in a moment.";

    /// <summary>
    /// A database failure that waiting may cure (the pool had no free connection within its timeout, the server was
    /// unreachable), wherever it is in the chain: EF Core wraps what Npgsql throws.
    /// </summary>
    public static Exception? TransientDatabaseFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            // Class 08 is a connection failure whoever reports it (PgBouncer uses 08P01 when it cannot reach Postgres).
            if (current is System.Data.Common.DbException { IsTransient: true } or System.Data.Common.DbException { SqlState: ['0', '8', ..] })
                return current;
        }

        return null;
    }

    public static Task HandleAsync(UnhandledExceptionContext context, ILogger logger)
    {
        context.Exception = ToError(context.OriginalException, logger);
        return Task.CompletedTask;
    }

    public static ExecutionError ToError(Exception exception, ILogger logger)
    {
        switch (exception)
        {
            case InputValidationException invalid:
                return Coded(invalid.Code, invalid.Message, ("fields", invalid.Fields));
            case RateLimitedException limited:
                return Coded(limited.Code, limited.Message, ("retryAfterSeconds", (int)Math.Ceiling(limited.RetryAfter.TotalSeconds)));
            case AccountSuspendedException suspended:
                return Coded(suspended.Code, suspended.Message, ("until", suspended.Until?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)!), ("reason", suspended.Reason));
            case StorageUnavailableException unavailable:
                logger.LogWarning(unavailable.Cause, "Photo storage is unavailable");
                return Coded(unavailable.Code, unavailable.Message);
            case AppException known:
                return Coded(known.Code, known.Message);
            case DomainException rule:
                return Coded(ErrorCodes.Of(rule), rule.Message);
            case var _ when TransientDatabaseFailure(exception) is { } failure:
                logger.LogWarning(failure, "The database did not answer in time");
                return Coded(ErrorCodes.DatabaseUnavailable, BusyMessage, ("retryAfterSeconds", 1));
            default:
                logger.LogError(exception, "Unhandled exception while executing a GraphQL request");
                return Coded(ErrorCodes.Internal, InternalMessage);
        }
    }

    private static ExecutionError Coded(string code, string message, params (string Key, object Value)[] extensions)
    {
        var error = new ExecutionError(message) { Code = code };
        if (extensions.Length > 0)
        {
            error.Extensions = new Dictionary<string, object?>();
            foreach (var (key, value) in extensions)
                error.Extensions[key] = value;
        }

        return error;
    }
}
