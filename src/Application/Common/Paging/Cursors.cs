using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Friender.Application.Common.Exceptions;

namespace Friender.Application.Common.Paging;

/// <summary>Opaque cursors: base64url of "kind:value:id", refused with BAD_USER_INPUT when malformed.</summary>
public static class Cursors
{
    public static string Encode(string kind, string value, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind}:{value}:{id:N}"));

    public static (string Value, Guid Id) Decode(string kind, string cursor, string argument = "after")
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 3 && parts[0] == kind && Guid.TryParseExact(parts[2], "N", out var id))
                return (parts[1], id);
        }
        catch (FormatException)
        {
        }

        throw Invalid(argument);
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static double ParseNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= 0
            ? number
            : throw Invalid();

    public static string Instant(DateTimeOffset value) => value.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string value, string argument = "after") =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : throw Invalid(argument);

    /// <summary>The one answer to any cursor that was tampered with or belongs to another list.</summary>
    public static InputValidationException Invalid(string argument = "after") =>
        InputValidationException.ForField(argument, "That is not a cursor this list gave out.");
}
