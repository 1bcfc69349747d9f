using Friender.Application.Accounts.Common;
using GraphQL.Types;

namespace Friender.GraphQL.Accounts;

internal sealed class MeGraphType : ObjectGraphType<MeDto>
{
    public MeGraphType()
    {
        Description = "The logged-in person's own account. Only its owner ever sees the email address.";
        Field(me => me.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(me => me.Username).Description("Lower-case, 3-30 characters of a-z, 0-9 and _.");
        Field(me => me.Email);
        Field(me => me.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
