using Friender.Application.Messaging.MarkConversationRead;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class MarkConversationReadInputGraphType : InputObjectGraphType<MarkConversationReadCommand>
{
    public MarkConversationReadInputGraphType() => Field(input => input.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
}
