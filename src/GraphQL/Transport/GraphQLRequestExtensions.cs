using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;

namespace Friender.GraphQL.Transport;

internal static class GraphQLRequestExtensions
{
    public static ExecutionOptions ToExecutionOptions(
        this GraphQLRequest request, IServiceProvider services, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        new()
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = services,
            User = user,
            CancellationToken = cancellationToken,
        };
}
