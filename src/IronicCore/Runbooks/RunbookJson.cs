using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>The JSON values runbooks and inspection rules start from.</summary>
internal static class RunbookJson
{
    /// <summary><c>{}</c>: Ironic's default <c>extra</c> and step <c>args</c>.</summary>
    public static JsonElement EmptyObject { get; } = Parse("{}");

    /// <summary><c>[]</c>.</summary>
    public static JsonElement EmptyArray { get; } = Parse("[]");

    /// <summary>A JSON value that outlives its document.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Refuses a value that is not a JSON object.</summary>
    public static JsonElement Object(JsonElement? value, string name) =>
        value switch
        {
            null => EmptyObject,
            { ValueKind: JsonValueKind.Object } given => given.Clone(),
            _ => throw new ArgumentException($"{name} must be a JSON object.", name),
        };
}
