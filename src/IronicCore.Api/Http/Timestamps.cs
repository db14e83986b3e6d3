using System.Globalization;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Http;

/// <summary>Timestamps as Python's <c>isoformat()</c> writes them: microseconds unless zero, <c>+00:00</c>.</summary>
internal static class Timestamps
{
    public static JsonNode? Format(DateTimeOffset? at)
    {
        if (at is not { } value)
        {
            return null;
        }

        var utc = value.ToUniversalTime();
        var format = utc.Ticks % TimeSpan.TicksPerSecond / 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff";
        return JsonValue.Create(utc.ToString(format, CultureInfo.InvariantCulture) + "+00:00");
    }
}
