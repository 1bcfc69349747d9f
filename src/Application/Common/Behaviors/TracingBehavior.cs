using System.Diagnostics;
using Mediator;

namespace Friender.Application.Common.Behaviors;

/// <summary>
/// One span per use case ("use case SendMessageCommand"), between the GraphQL operation's span and the SQL and S3
/// spans beneath it. Plain System.Diagnostics: the host decides whether anyone listens. Only the request's type is
/// recorded, never its contents.
/// </summary>
public sealed class TracingBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string SpanName = "use case " + typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = ApplicationTelemetry.Source.StartActivity(SpanName);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            throw;
        }
    }
}
