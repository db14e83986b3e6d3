using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Http;

/// <summary>Timestamps as Python's <c>isoformat()</c> writes them: microseconds unless zero, <c>+00:00</c>.</summary>
internal static class Timestamps
{
    // "yyyy-MM-ddTHH:mm:ss.ffffff+00:00" and room to spare.
    private const int MaxLength = 40;

    public static JsonNode? Format(DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            return null;
        }

        Span<char> text = stackalloc char[MaxLength];
        return JsonValue.Create(new string(text[..Format(value, text)]));
    }

    /// <summary>The same value straight to a writer: a string, or null.</summary>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            writer.WriteNullValue();
            return;
        }

        Span<char> text = stackalloc char[MaxLength];
        writer.WriteStringValue(text[..Format(value, text)]);
    }

    private static int Format(DateTimeOffset at, Span<char> text)
    {
        var utc = at.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond / 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        utc.TryFormat(text, out var written, format, CultureInfo.InvariantCulture);
        "+00:00".CopyTo(text[written..]);
        return written + "+00:00".Length;
    }
}
