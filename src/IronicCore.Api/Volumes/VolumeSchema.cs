using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;
using IronicCore.Api.Runbooks;

namespace IronicCore.Api.Volumes;

/// <summary>
/// Ironic's <c>CONNECTOR_SCHEMA</c> and <c>TARGET_SCHEMA</c> with their validators (<c>node_uuid</c>
/// and <c>uuid</c> UUIDs), errors worded and ordered as jsonschema's best match gives them.
/// </summary>
internal static class VolumeSchema
{
    private static readonly (string Name, string Type, bool Nullable)[] Connector =
        [("connector_id", "string", false), ("extra", "object", true), ("node_uuid", "string", false), ("type", "string", false), ("uuid", "string", true)];

    private static readonly (string Name, string Type, bool Nullable)[] Target =
        [("boot_index", "integer", false), ("extra", "object", true), ("node_uuid", "string", false), ("properties", "object", true),
         ("volume_id", "string", false), ("volume_type", "string", false), ("uuid", "string", true)];

    private static readonly string[] ConnectorRequired = ["connector_id", "node_uuid", "type"];

    private static readonly string[] TargetRequired = ["boot_index", "node_uuid", "volume_id", "volume_type"];

    /// <summary>Checks a connector document (<c>connector</c> when created, <c>patch</c> when patched).</summary>
    public static void CheckConnector(JsonObject body, string schema) => Check(body, schema, ConnectorRequired, Connector);

    /// <summary>Checks a target document (<c>target</c> when created, <c>patch</c> when patched).</summary>
    public static void CheckTarget(JsonObject body, string schema) => Check(body, schema, TargetRequired, Target);

    /// <summary>A checked document's <c>boot_index</c>.</summary>
    public static int BootIndex(JsonObject body) => int.Parse(body["boot_index"]!.ToJsonString(), CultureInfo.InvariantCulture);

    private static void Check(JsonObject body, string schema, string[] required, (string Name, string Type, bool Nullable)[] properties)
    {
        foreach (var name in required)
        {
            if (!body.ContainsKey(name))
            {
                throw RunbookSchema.Error(schema, $"'{name}' is a required property");
            }
        }

        RunbookSchema.Additional(schema, body, [.. properties.Select(p => p.Name)]);
        foreach (var (name, type, nullable) in properties)
        {
            if (type == "integer")
            {
                Integer(schema, body[name]);
            }
            else
            {
                RunbookSchema.TypeOf(schema, body[name], type, nullable, present: body.ContainsKey(name));
            }
        }

        foreach (var name in new[] { "node_uuid", "uuid" })
        {
            if (body[name] is JsonValue value && !Guid.TryParse(value.GetValue<string>(), out _))
            {
                throw ApiFault.BadRequest($"Expected UUID for {name}: {value.GetValue<string>()}");
            }
        }
    }

    /// <summary>jsonschema's <c>integer</c>: a number without a fraction (booleans are not); the database keeps 32 bits.</summary>
    private static void Integer(string schema, JsonNode? value)
    {
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            && int.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return;
        }

        throw RunbookSchema.Error(schema, $"{PythonRepr.Of(value)} is not of type 'integer'");
    }
}
