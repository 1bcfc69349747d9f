using Friender.Application.Messaging.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Messaging;

internal sealed class MessageConnectionGraphType : ConnectionGraphType<MessageDto, MessageGraphType, MessageEdgeGraphType>;
