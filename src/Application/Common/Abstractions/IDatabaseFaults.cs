namespace Friender.Application.Common.Abstractions;

/// <summary>How far a request got before the database failed it, as far as retrying is concerned.</summary>
public enum DatabaseFault
{
    /// <summary>Not a transient database failure: never retried.</summary>
    None,

    /// <summary>The database refused or could not be reached before anything was sent (starting up, too many connections, connection refused): safe to retry any request.</summary>
    NotReached,

    /// <summary>The connection broke mid-request (a restart terminated it): safe to retry a read, not a write, whose outcome is unknown.</summary>
    Interrupted,
}

/// <summary>Tells transient database failures apart (the driver's codes stay in Infrastructure).</summary>
public interface IDatabaseFaults
{
    DatabaseFault Classify(Exception exception);
}
