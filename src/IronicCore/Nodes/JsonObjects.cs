using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Nodes;

/// <summary>
/// Ironic's dictionary fields (<c>properties</c>, <c>extra</c>, <c>internal_info</c>, ...) as the
/// conductor keeps them: immutable JSON objects, in the order their keys were written, as
/// Ironic's database keeps the JSON text.
/// </summary>
internal static class JsonObjects
{
    /// <summary><c>{}</c>.</summary>
    public static JsonElement Empty { get; } = JsonElement.Parse("{}");

    /// <summary>A caller's value for a dictionary field: unset is empty; anything but an object is refused.</summary>
    /// <exception cref="ArgumentException">Not a JSON object.</exception>
    public static JsonElement Check(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Undefined => Empty,
        JsonValueKind.Object => value,
        _ => throw new ArgumentException($"{field} must be a JSON object, not {value.ValueKind}.", field),
    };

    /// <summary>Whether the object has no key (without allocating: every tear-down asks).</summary>
    public static bool IsEmpty(JsonElement value)
    {
        foreach (var _ in value.EnumerateObject())
        {
            return false;
        }

        return true;
    }

    /// <summary>Whether two values hold the same JSON (key order aside, as Python compares dictionaries).</summary>
    public static bool Same(JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b);

    /// <summary>The text value of <paramref name="key"/>, or null when absent or not text.</summary>
    public static string? Text(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(key, out var member) && member.ValueKind == JsonValueKind.String
            ? member.GetString()
            : null;

    /// <summary>Whether <paramref name="key"/> is present with a value other than null.</summary>
    public static bool Has(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(key, out var member) && member.ValueKind != JsonValueKind.Null;

    /// <summary>The object with <paramref name="key"/> set to <paramref name="text"/> (added last, or replaced in place).</summary>
    public static JsonElement With(JsonElement value, string key, string text)
    {
        var edited = JsonObject.Create(value) ?? [];
        edited[key] = text;
        return JsonSerializer.SerializeToElement(edited);
    }

    /// <summary>The object without <paramref name="key"/>; the same value when it has none.</summary>
    public static JsonElement Without(JsonElement value, string key)
    {
        if (!value.TryGetProperty(key, out _))
        {
            return value;
        }

        var edited = JsonObject.Create(value)!;
        edited.Remove(key);
        return JsonSerializer.SerializeToElement(edited);
    }
}
