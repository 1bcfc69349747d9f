namespace Friender.Application.Common.Exceptions;

public sealed class InputValidationException(IReadOnlyDictionary<string, string[]> fields)
    : AppException(ErrorCodes.BadUserInput, Describe(fields))
{
    public IReadOnlyDictionary<string, string[]> Fields { get; } = fields;

    public static InputValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static string Describe(IReadOnlyDictionary<string, string[]> fields) =>
        fields.Count == 0
            ? "The input is not valid."
            : "The input is not valid: " + string.Join(" ", fields.SelectMany(field => field.Value));
}
