namespace Friender.Domain.Common;

/// <summary>
/// A rule of the Domain refused something. A rule with a name of its own carries its code (<see cref="DomainErrorCodes"/>);
/// the generic refusals (invalid input, not allowed, not found, too often) carry only their <see cref="Refusal"/>, and
/// the Application, which owns the generic codes, names them (ADR 0021).
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>A refusal by a named rule: <paramref name="code"/> is one of <see cref="DomainErrorCodes"/>.</summary>
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
        Refusal = DomainRefusal.NamedRule;
    }

    private DomainException(DomainRefusal refusal, string message)
        : base(message) => Refusal = refusal;

    /// <summary>The named rule's code; null for a generic refusal.</summary>
    public string? Code { get; }

    public DomainRefusal Refusal { get; }

    public static DomainException InvalidInput(string message) => new(DomainRefusal.InvalidInput, message);

    public static DomainException NotAllowed(string message) => new(DomainRefusal.NotAllowed, message);

    public static DomainException NotFound(string message) => new(DomainRefusal.NotFound, message);

    public static DomainException TooOften(string message) => new(DomainRefusal.TooOften, message);
}

/// <summary>How a rule refused.</summary>
public enum DomainRefusal
{
    /// <summary>A rule with a code of its own (<see cref="DomainException.Code"/>).</summary>
    NamedRule,

    /// <summary>A value breaks an invariant.</summary>
    InvalidInput,

    /// <summary>The person may not do this to this thing.</summary>
    NotAllowed,

    /// <summary>The thing is not there (or not theirs, which looks the same).</summary>
    NotFound,

    /// <summary>Done too often; try again later.</summary>
    TooOften,
}
