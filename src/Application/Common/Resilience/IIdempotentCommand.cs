namespace Friender.Application.Common.Resilience;

/// <summary>
/// A command that may run again after the database cut its write off mid-flight (<c>DatabaseFault.Interrupted</c>):
/// running it twice has the effect of running it once, because it carries the id of what it creates, chosen when the
/// request arrived, and a second run finds that row instead of adding another. <c>DatabaseRetryBehavior</c> retries
/// such commands like queries, so a database restart fails none of them (ADR 0026).
/// </summary>
public interface IIdempotentCommand;
