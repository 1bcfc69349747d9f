using Npgsql;

namespace Friender.Infrastructure.Persistence;

/// <summary>
/// Where reads that may lag a moment go (the discovery walk): a hot standby when <c>ConnectionStrings:PostgresStandby</c>
/// is set (listing the standby first and the primary after it, with <c>Target Session Attributes=prefer-standby</c>,
/// so the primary answers while no standby does), else the primary's own data source. Whatever reads here must not
/// promise read-your-writes by itself: discovery re-checks what it found on the primary (still_visible.sql).
/// </summary>
public sealed class StandbyDataSource(NpgsqlDataSource database, bool isStandby) : IAsyncDisposable
{
    public const string ApplicationName = "friender-standby-reads";

    public NpgsqlDataSource Database => database;

    /// <summary>Whether reads here may lag the primary (a standby is configured).</summary>
    public bool IsStandby => isStandby;

    /// <summary>Disposes its own pool only: without a standby it shares the primary's, which DI disposes.</summary>
    public ValueTask DisposeAsync() => isStandby ? database.DisposeAsync() : ValueTask.CompletedTask;
}
