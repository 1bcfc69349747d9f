namespace Friender.Application.Common.Abstractions;

/// <summary>Marks the few messages that run without a login; every other message is refused to anonymous callers.</summary>
public interface IAllowAnonymous;
