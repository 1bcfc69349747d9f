using System.Net.Sockets;
using Friender.Application.Common.Abstractions;
using Npgsql;

namespace Friender.Infrastructure.Persistence;

/// <summary>
/// Npgsql's and Postgres's transient failures, by how far the request got. Refusals at connection start (the server
/// starting up or out of connection slots, the port closed) reached nothing; a connection terminated by a restart or a
/// failover, or cut off mid-read, may have. PgBouncer answers a client it cannot find a server for with its own
/// connection-class error (<see cref="PgBouncerCannotConnect"/>) before anything reached Postgres. Timeouts are never
/// retried: the request already waited its share.
/// </summary>
internal sealed class NpgsqlDatabaseFaults : IDatabaseFaults
{
    /// <summary>What PgBouncer sends (SQLSTATE 08P01) while the database behind it cannot be reached.</summary>
    public static bool PgBouncerCannotConnect(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.ProtocolViolation
        && (exception.MessageText.StartsWith("pgbouncer cannot connect to server", StringComparison.Ordinal)
            || exception.MessageText.StartsWith("server login has been failing", StringComparison.Ordinal));

    public DatabaseFault Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException:
                    return DatabaseFault.None;
                case PostgresException postgres when PgBouncerCannotConnect(postgres):
                    return DatabaseFault.NotReached;
                case PostgresException postgres:
                    return postgres.SqlState switch
                    {
                        PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                            or PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection
                            or PostgresErrorCodes.SqlServerRejectedEstablishmentOfSqlConnection => DatabaseFault.NotReached,
                        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.ConnectionException or PostgresErrorCodes.ConnectionDoesNotExist
                            or PostgresErrorCodes.ConnectionFailure => DatabaseFault.Interrupted,
                        _ => DatabaseFault.None,
                    };
                case NpgsqlException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable } }:
                    return DatabaseFault.NotReached;
                case NpgsqlException { IsTransient: true, InnerException: IOException or EndOfStreamException or SocketException }:
                    return DatabaseFault.Interrupted;
            }
        }

        return DatabaseFault.None;
    }
}
