namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Marks the messages a suspended or banned account's token may still send (logging out, appealing); every other
/// message answers ACCOUNT_SUSPENDED. Log-in, sign-up and refresh check the account they start a session for instead.
/// </summary>
public interface IAllowSuspended;
