using Friender.Application.Common.Exceptions;
using Friender.GraphQL.Common;
using Friender.GraphQL.Transport.WebSockets;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace Friender.GraphQL.Transport;

/// <summary>GraphQL over HTTP on /graphql: POST application/json, GET for queries, and the IDE for browsers.</summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<ISchema> executer,
    IGraphQLTextSerializer serializer,
    GraphQLRequestReader reader,
    MultipartRequestReader multipartReader,
    GraphQLWebSocketEndpoint webSockets,
    BananaCakePop ide)
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, OperationTypeRule.Get];
    private static readonly IValidationRule[] PostRules = [.. DocumentValidator.CoreRules, OperationTypeRule.Post];

    public async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(http);
            return;
        }

        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && ide.Enabled && !request.Query.ContainsKey("query") && MediaTypes.PrefersHtml(request.Headers.Accept))
        {
            http.Response.Redirect(BananaCakePop.Path + "/");
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        try
        {
            if (!isGet && !HttpMethods.IsPost(request.Method))
            {
                http.Response.Headers.Allow = "GET, POST";
                throw new RequestFailure(StatusCodes.Status405MethodNotAllowed, TransportErrorCodes.MethodNotAllowed,
                    $"{request.Method} is not supported on /graphql: use POST (or GET for queries).");
            }

            if (mediaType is null)
            {
                throw new RequestFailure(StatusCodes.Status406NotAcceptable, TransportErrorCodes.NotAcceptable,
                    $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            }

            var graphQLRequest = isGet
                ? reader.ReadGet(request.Query)
                : MultipartRequestReader.IsMultipart(request.ContentType)
                    ? await multipartReader.ReadAsync(request, http.RequestAborted)
                    : await reader.ReadPostAsync(request, http.RequestAborted);
            var result = await ExecuteAsync(http, graphQLRequest, isGet ? GetRules : PostRules);
            await WriteAsync(http, StatusOf(result, mediaType, http.Response), mediaType, result);
        }
        catch (RequestFailure failure)
        {
            var error = new ExecutionError(failure.Message) { Code = failure.Code };
            await WriteAsync(http, failure.StatusCode, mediaType ?? MediaTypes.Json, new ExecutionResult { Errors = [error] });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest request, IValidationRule[] rules)
    {
        var options = request.ToExecutionOptions(http.RequestServices, http.User, http.RequestAborted);
        options.ValidationRules = rules;
        options.CachedDocumentValidationRules = rules;
        return executer.ExecuteAsync(options);
    }

    private static int StatusOf(ExecutionResult result, string mediaType, HttpResponse response)
    {
        if (result.Errors?.OfType<HttpMethodNotAllowedError>().FirstOrDefault() is { } methodError)
        {
            response.Headers.Allow = methodError.Allow;
            return StatusCodes.Status405MethodNotAllowed;
        }

        // application/json clients predate status codes for GraphQL errors; graphql-response+json ones get 400 for
        // a document that could not run at all (parse, validation and variable errors).
        return result.Executed || mediaType == MediaTypes.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// The last resort for an exception that escaped everything else (UseExceptionHandler): mapped like every other
    /// error, as a 500. The exception handler middleware has logged it already.
    /// </summary>
    public Task WriteUnhandledAsync(HttpContext http)
    {
        var exception = http.Features.GetRequiredFeature<IExceptionHandlerFeature>().Error;
        var error = ErrorMapping.ToError(exception, NullLogger.Instance);
        var mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept) ?? MediaTypes.Json;
        var busy = error.Code == ErrorCodes.DatabaseUnavailable;
        if (busy)
            http.Response.Headers.RetryAfter = "1";
        return WriteAsync(http, busy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError, mediaType, new ExecutionResult { Errors = [error] });
    }

    private async Task WriteAsync(HttpContext http, int statusCode, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        using var activity = Hosting.FrienderTelemetry.Source.StartActivity(Hosting.FrienderTelemetry.SerializeSpan);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
