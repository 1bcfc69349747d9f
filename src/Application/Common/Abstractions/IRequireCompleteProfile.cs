namespace Friender.Application.Common.Abstractions;

/// <summary>Marks messages (discovery, swiping, messaging) that only people with a complete profile may send.</summary>
public interface IRequireCompleteProfile;
