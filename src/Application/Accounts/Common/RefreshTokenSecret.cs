using System.Security.Cryptography;
using System.Text;

namespace Friender.Application.Accounts.Common;

/// <summary>
/// An opaque refresh token: 256 random bits for the client, and only their SHA-256 in the database, so a leaked
/// table holds nothing that can be replayed.
/// </summary>
public sealed record RefreshTokenSecret(string Value, string Hash)
{
    public static RefreshTokenSecret Create()
    {
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        return new RefreshTokenSecret(value, HashOf(value));
    }

    public static string HashOf(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
