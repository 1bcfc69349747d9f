using Friender.GraphQL.Hosting;
using GraphQL.Validation;

namespace Friender.GraphQL.Common;

/// <summary>
/// GraphQL.NET's validator inside a span (<see cref="FrienderTelemetry.ValidateSpan"/>): validation, the document limits
/// and the cost check, which run for every request whether or not its document was parsed from the cache. Nothing
/// is added when nobody listens to the spans.
/// </summary>
internal sealed class TimedDocumentValidator(IDocumentValidator validator) : IDocumentValidator
{
    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) =>
        FrienderTelemetry.Source.HasListeners() ? TimedAsync(options) : validator.ValidateAsync(options);

    private async Task<IValidationResult> TimedAsync(ValidationOptions options)
    {
        using var activity = FrienderTelemetry.Source.StartActivity(FrienderTelemetry.ValidateSpan);
        return await validator.ValidateAsync(options);
    }
}
