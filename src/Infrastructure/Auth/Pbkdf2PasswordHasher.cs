using System.Globalization;
using System.Security.Cryptography;
using Friender.Application.Common.Abstractions;

namespace Friender.Infrastructure.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 at OWASP's current work factor, stored as <c>pbkdf2-sha512$iterations$salt$hash</c> so the
/// factor can be raised later: older hashes verify and are replaced at the next log-in.
/// </summary>
public sealed class Pbkdf2PasswordHasher : IPasswordHasher
{
    public const int Iterations = 220_000;
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly string _decoy;

    public Pbkdf2PasswordHasher() => _decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public PasswordCheck Verify(string? passwordHash, string password)
    {
        if (passwordHash is null)
        {
            Verify(_decoy, password);
            return PasswordCheck.Failed;
        }

        var parts = passwordHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return PasswordCheck.Failed;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(password, Convert.FromBase64String(parts[2]), iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
            return PasswordCheck.Failed;

        return iterations < Iterations ? PasswordCheck.SucceededButRehashNeeded : PasswordCheck.Succeeded;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA512, length);
}
