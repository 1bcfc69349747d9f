using Friender.Domain.Users;

namespace Friender.Application.Accounts.Common;

public sealed record AuthResult(string AccessToken, string RefreshToken, DateTimeOffset AccessTokenExpiresAt, MeDto User);

public sealed record MeDto(Guid Id, string Username, string Email, DateTimeOffset CreatedAt)
{
    public static MeDto From(User user) => new(user.Id, user.Username, user.Email, user.CreatedAt);
}
