using Friender.Application.Common.Abstractions;
using Friender.Application.Common.RateLimiting;
using Mediator;
using Microsoft.Extensions.Options;

namespace Friender.Application.Common.Behaviors;

/// <summary>
/// Applies <see cref="RequestRateLimits"/> before validation, so malformed requests count too: per person once
/// authenticated, per client address for the operations that come before a login.
/// </summary>
public sealed class RateLimitBehavior<TMessage, TResponse>(IRequestRateLimiter limiter, ICurrentUser currentUser, IOptions<RateLimitOptions> options)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly RequestRateLimit? Limit = RequestRateLimits.ByRequest.GetValueOrDefault(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Limit is { } limit && options.Value.Enabled)
        {
            var key = limit.Scope == RateLimitScope.Person ? currentUser.Id?.ToString() : currentUser.IpAddress ?? "unknown";
            if (key is not null)
                await limiter.AcquireAsync(limit, key, cancellationToken);
        }

        return await next(message, cancellationToken);
    }
}
