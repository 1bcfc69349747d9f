using Friender.Application.Messaging.SetTyping;
using GraphQL.Types;

namespace Friender.GraphQL.Messaging;

internal sealed class SetTypingInputGraphType : InputObjectGraphType<SetTypingCommand>
{
    public SetTypingInputGraphType() => Field(input => input.MatchId, type: typeof(NonNullGraphType<IdGraphType>));
}
