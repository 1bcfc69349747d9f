using Friender.Application.Accounts.RefreshAccessToken;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class RefreshTokenInputGraphType : InputObjectGraphType<RefreshAccessTokenCommand>
{
    public RefreshTokenInputGraphType() =>
        Field(input => input.RefreshToken);
}
