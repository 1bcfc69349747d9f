using System.Security.Cryptography;
using System.Text;
using Friender.Domain.Users;

namespace Friender.Domain.Moderation;

/// <summary>
/// An email address that may not sign up again, kept as a SHA-256 hash of its normalized form: enough to refuse it
/// again, not to read it back, and kept after the account itself is deleted.
/// </summary>
public sealed class BannedEmail
{
    private BannedEmail()
    {
    }

    public string EmailHash { get; private set; } = null!;

    public Guid ActionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static BannedEmail For(string email, ModerationAction ban) =>
        new() { EmailHash = Hash(email), ActionId = ban.Id, CreatedAt = ban.CreatedAt };

    public static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(User.NormalizeEmail(email))));
}
