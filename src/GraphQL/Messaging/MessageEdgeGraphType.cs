using Friender.Application.Messaging.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Messaging;

internal sealed class MessageEdgeGraphType : EdgeGraphType<MessageDto, MessageGraphType>;
