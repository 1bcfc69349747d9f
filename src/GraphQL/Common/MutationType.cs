using Friender.GraphQL.Accounts;
using Friender.GraphQL.Matching;
using Friender.GraphQL.Messaging;
using Friender.GraphQL.Moderation;
using Friender.GraphQL.Photos;
using Friender.GraphQL.Profiles;
using GraphQL.Types;

namespace Friender.GraphQL.Common;

internal sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        this.AddAccountMutations();
        this.AddProfileMutations();
        this.AddPhotoMutations();
        this.AddMatchingMutations();
        this.AddMessagingMutations();
        this.AddModerationMutations();
    }
}
