namespace Friender.Domain.Users;

/// <summary>
/// Every access token of an account refused until <see cref="Until"/>, the last moment any token issued before the
/// revocation could still be accepted: the account was deleted, and its tokens carry no proof of that.
/// </summary>
public sealed class RevokedAccount
{
    private RevokedAccount()
    {
    }

    public Guid UserId { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public static RevokedAccount For(Guid userId, DateTimeOffset until) => new() { UserId = userId, Until = until };
}
