namespace Friender.Application.Common.Abstractions;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>
    /// Checks a password against a stored hash. With no hash it still does the full work, so that an unknown user
    /// costs the same time as a wrong password.
    /// </summary>
    PasswordCheck Verify(string? passwordHash, string password);
}

public enum PasswordCheck
{
    Failed,
    Succeeded,
    SucceededButRehashNeeded,
}
