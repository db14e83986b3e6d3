using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;

namespace IronicCore.Api.Ports;

/// <summary>
/// One property of an Ironic request schema (ports, portgroups): its JSON types in the schema's
/// order, its length limit, and the microversion it first appeared in; errors read as
/// jsonschema's, prefixed as Ironic's <c>args.schema</c> does.
/// </summary>
internal sealed record SchemaField(string Name, int Since, string[] Types, int? MaxLength = null)
{
    /// <summary>Refuses a value of another type (or too long) with 400 <c>Schema error for {schema}: ...</c>.</summary>
    public void Check(string schema, JsonNode? value)
    {
        if (!Types.Contains(TypeOf(value)))
        {
            throw ApiFault.BadRequest($"Schema error for {schema}: {PythonRepr.Of(value)} is not of type {string.Join(", ", Types.Select(t => $"'{t}'"))}");
        }

        if (MaxLength is { } max && value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > max)
        {
            throw ApiFault.BadRequest($"Schema error for {schema}: {PythonRepr.Of(value)} is too long");
        }
    }

    /// <summary>The JSON schema type name of a value.</summary>
    public static string TypeOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "number",
        },
    };
}
