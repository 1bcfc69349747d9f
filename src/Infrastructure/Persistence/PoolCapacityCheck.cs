using System.Data.Common;
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Friender.Infrastructure.Persistence;

/// <summary>
/// Once at start-up: warns when this process's pool and its listening connection do not fit in the connections
/// Postgres allows, because under load Postgres would then refuse connections ("53300: too many clients") where the
/// pool would have queued the requests. With several replicas each must fit its share; the warning cannot count them.
/// </summary>
public sealed class PoolCapacityCheck(NpgsqlDataSource database, ILogger<PoolCapacityCheck> logger) : BackgroundService
{
    private static readonly SqlStatement UsableConnections = SqlStatement.Load("usable_connections.sql");

    /// <summary>This process's pool against what Postgres allows; throws when Postgres cannot be reached.</summary>
    public async Task<PoolCapacity> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var command = UsableConnections.CreateCommand(database);
        var usable = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new PoolCapacity(new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize, usable);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var capacity = await MeasureAsync(stoppingToken);
            if (!capacity.Fits)
            {
                logger.LogWarning(
                    "This process may open {PoolSize} pooled connections and 1 listening connection, but Postgres allows {Usable}: under load it will refuse connections (53300). Set Maximum Pool Size in ConnectionStrings__Postgres so that every replica's pool plus one fits, or raise max_connections",
                    capacity.PoolSize,
                    capacity.UsableConnections);
            }
        }
        catch (Exception exception) when (exception is DbException or TimeoutException)
        {
            // Postgres is not up yet; /readyz says so, and there is nothing to size against.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <param name="PoolSize">Maximum Pool Size of this process's data source.</param>
/// <param name="UsableConnections">max_connections less the connections reserved for superusers.</param>
public sealed record PoolCapacity(int PoolSize, int UsableConnections)
{
    /// <summary>The pool plus the listening connection fit, for this process alone.</summary>
    public bool Fits => PoolSize + 1 <= UsableConnections;
}
