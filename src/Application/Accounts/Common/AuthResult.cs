using Friender.Domain.Users;

namespace Friender.Application.Accounts.Common;

public sealed record AuthResult(string AccessToken, string RefreshToken, DateTimeOffset AccessTokenExpiresAt, MeDto User);

/// <param name="IsModerator">Whether the person may use the moderation console (checked again on every moderation request).</param>
public sealed record MeDto(Guid Id, string Username, string Email, DateTimeOffset CreatedAt, bool ProfileComplete, bool IsModerator = false)
{
    public static MeDto From(User user, bool profileComplete = false) =>
        new(user.Id, user.Username, user.Email, user.CreatedAt, profileComplete);
}
