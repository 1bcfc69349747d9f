using GraphQL.Validation;
using GraphQLParser.AST;

namespace Friender.GraphQL.Transport;

/// <summary>
/// Refuses operations the HTTP method cannot carry: GET runs queries only (it must be safe), POST runs queries and
/// mutations, and subscriptions need the WebSocket.
/// </summary>
internal sealed class OperationTypeRule : ValidationRuleBase
{
    public static readonly OperationTypeRule Get = new([OperationType.Query], "POST", "Only queries can be sent with GET; send mutations with POST.");
    public static readonly OperationTypeRule Post = new([OperationType.Query, OperationType.Mutation], "GET, POST", "Subscriptions need a WebSocket connection (graphql-transport-ws) to /graphql.");

    private readonly OperationType[] _allowed;
    private readonly string _allow;
    private readonly string _message;

    private OperationTypeRule(OperationType[] allowed, string allow, string message)
    {
        _allowed = allowed;
        _allow = allow;
        _message = message;
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation is { } operation && !_allowed.Contains(operation.Operation))
            context.ReportError(new HttpMethodNotAllowedError(context.Document.Source, _message, _allow, operation));

        return default;
    }
}

/// <summary>Carries our METHOD_NOT_ALLOWED code; GraphQL.NET would otherwise name one after this class.</summary>
internal sealed class HttpMethodNotAllowedError : ValidationError
{
    public HttpMethodNotAllowedError(GraphQLParser.ROM source, string message, string allow, ASTNode node)
        : base(source, null, message, node)
    {
        Code = TransportErrorCodes.MethodNotAllowed;
        Allow = allow;
    }

    public string Allow { get; }
}
