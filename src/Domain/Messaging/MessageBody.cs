using System.Buffers;
using System.Text;

namespace Friender.Domain.Messaging;

/// <summary>What a chat message may contain: 1-2,000 characters after trimming, text only.</summary>
public static class MessageBody
{
    public const int MaxLength = 2_000;

    /// <summary>The body as stored: trimmed, with Windows line endings folded into newlines.</summary>
    public static string Normalize(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Why a normalized body cannot be sent, or null when it can. Characters are Unicode scalar values.</summary>
    public static string? Problem(string normalized)
    {
        if (normalized.Length == 0)
            return "A message cannot be empty.";

        var characters = 0;
        var rest = normalized.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != OperationStatus.Done)
                return "A message must be valid text (it has a broken character).";
            if (Rune.IsControl(rune) && rune.Value is not ('\n' or '\t'))
                return "A message cannot contain control characters other than newlines and tabs.";
            rest = rest[length..];
            if (++characters > MaxLength)
                return $"A message is at most {MaxLength} characters.";
        }

        return null;
    }
}
