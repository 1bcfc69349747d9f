using Friender.Application.Accounts.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class AuthPayloadGraphType : ObjectGraphType<AuthResult>
{
    public AuthPayloadGraphType()
    {
        Description = "A new session: send the access token as 'Authorization: Bearer <token>'; trade the refresh "
            + "token for a new pair with refreshToken before the access token expires.";
        Field(payload => payload.AccessToken).Description("A JWT that is valid for 15 minutes.");
        Field(payload => payload.RefreshToken)
            .Description($"Opaque, valid for {SessionIssuer.RefreshTokenLifetime.Days} days and for one use only: each refresh returns a new one.");
        Field(payload => payload.AccessTokenExpiresAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(payload => payload.User, type: typeof(NonNullGraphType<MeGraphType>));
    }
}
