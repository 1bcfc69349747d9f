using Friender.Application.Messaging.Common;

namespace Friender.GraphQL.Messaging;

internal sealed class MessageEdgeGraphType() : Common.EdgeGraphType<MessageDto, MessageGraphType>("MessageEdge");

internal sealed class MessageConnectionGraphType() : Common.ConnectionGraphType<MessageDto, MessageGraphType, MessageEdgeGraphType>("MessageConnection");
