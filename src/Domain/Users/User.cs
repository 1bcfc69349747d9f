using System.Text.RegularExpressions;
using Friender.Domain.Common;

namespace Friender.Domain.Users;

public sealed partial class User
{
    public const int UsernameMinLength = 3;
    public const int UsernameMaxLength = 30;
    public const int EmailMaxLength = 254;

    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Username { get; private set; } = null!;

    public string Email { get; private set; } = null!;

    public string NormalizedEmail { get; private set; } = null!;

    public string PasswordHash { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public static User Register(string username, string email, string passwordHash, DateTimeOffset now)
    {
        var normalizedUsername = NormalizeUsername(username);
        if (!IsValidUsername(normalizedUsername))
        {
            throw DomainException.InvalidInput($"A username is {UsernameMinLength}-{UsernameMaxLength} characters of a-z, 0-9 and _.");
        }

        var trimmedEmail = email.Trim();
        if (trimmedEmail.Length is 0 or > EmailMaxLength || !trimmedEmail.Contains('@', StringComparison.Ordinal))
            throw DomainException.InvalidInput("The email address is not valid.");

        if (string.IsNullOrEmpty(passwordHash))
            throw DomainException.InvalidInput("A user needs a password.");

        return new User
        {
            Id = Guid.CreateVersion7(now),
            Username = normalizedUsername,
            Email = trimmedEmail,
            NormalizedEmail = NormalizeEmail(trimmedEmail),
            PasswordHash = passwordHash,
            CreatedAt = now,
        };
    }

    public static string NormalizeUsername(string username) => username.Trim().ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValidUsername(string normalizedUsername) => UsernamePattern().IsMatch(normalizedUsername);

    public void ReplacePasswordHash(string passwordHash)
    {
        if (string.IsNullOrEmpty(passwordHash))
            throw DomainException.InvalidInput("A user needs a password.");

        PasswordHash = passwordHash;
    }

    [GeneratedRegex("^[a-z0-9_]{3,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
