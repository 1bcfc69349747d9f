using Friender.Application.Common.Abstractions;

namespace Friender.GraphQL.IntegrationTests.Infrastructure;

/// <summary>A logged-in person for a behavior or handler called directly, outside a GraphQL request.</summary>
public sealed class FixedUser(Guid id) : ICurrentUser
{
    public Guid? Id => id;

    public Guid? AccessTokenId => null;

    public DateTimeOffset? AccessTokenExpiresAt => null;

    public DateTimeOffset? LoggedInAt => null;

    public string? IpAddress => null;

    public bool Suspended => false;

    public void Become(Guid userId, IssuedAccessToken accessToken) => throw new NotSupportedException();
}
