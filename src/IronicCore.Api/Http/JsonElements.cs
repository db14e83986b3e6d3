using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronicCore.Api.Http;

/// <summary>The conductor's dictionary fields (immutable JSON objects) to and from the JSON the API reads and writes.</summary>
internal static class JsonElements
{
    /// <summary>A stored dictionary as a JSON object of the caller's own, to show or to patch.</summary>
    public static JsonObject ToObject(JsonElement value) => JsonObject.Create(value) ?? [];

    /// <summary>A checked value for a dictionary field: an object as the conductor keeps it; null (or anything else) is unset, the field's empty default.</summary>
    public static JsonElement FromNode(JsonNode? value) => value is JsonObject document ? JsonSerializer.SerializeToElement(document) : default;

    /// <summary>Any value the conductor keeps (a runbook step's <c>args</c>, a rule's <c>actions</c>) as a node of the caller's own; key order kept.</summary>
    public static JsonNode? ToNode(JsonElement value) => JsonSerializer.SerializeToNode(value);

    /// <summary>Any checked value the API built, as the conductor keeps it.</summary>
    public static JsonElement ToElement(JsonNode? value) => JsonSerializer.SerializeToElement(value);
}
