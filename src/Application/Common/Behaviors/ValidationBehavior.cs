using FluentValidation;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Mediator;

namespace Friender.Application.Common.Behaviors;

public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Text the rules below could choke on (a NUL, a megabyte) stops here, before they read it.
        if (TextHygiene.Check(message) is { Count: > 0 } unclean)
            throw new InputValidationException(unclean);

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var fields = failures
                .GroupBy(failure => ToFieldName(failure.PropertyName))
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
            throw new InputValidationException(fields);
        }

        return await next(message, cancellationToken);
    }

    private static string ToFieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "input" : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
