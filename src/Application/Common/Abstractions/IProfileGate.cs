namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Whether a user's profile is complete, asked before every discovery and swipe; cheaper than loading the profile.
/// </summary>
public interface IProfileGate
{
    Task<bool> IsCompleteAsync(Guid userId, CancellationToken cancellationToken);
}
