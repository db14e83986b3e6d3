using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;

namespace IronicCore.Api.Nodes;

/// <summary>Ironic's node schema (<c>node_schema()</c> plus its extra validators): types, lengths, booleans, UUIDs.</summary>
internal static class NodeSchema
{
    private const int DescriptionMaxLength = 4096;
    private const int ResourceClassMaxLength = 80;
    private const int InstanceNameMaxLength = 255;

    /// <summary>Checks one field's new value; returns it normalised (string booleans become booleans).</summary>
    public static JsonNode? Check(NodeField field, JsonNode? value)
    {
        if (value is null)
        {
            return field.Name == "driver" ? throw Error("None is not of type 'string'") : null;
        }

        var kind = value.GetValueKind();
        switch (field.Type)
        {
            case FieldType.Object when kind != JsonValueKind.Object:
                throw Error($"{PythonRepr.Of(value)} is not of type 'object', 'null'");
            case FieldType.String or FieldType.Uuid when kind != JsonValueKind.String:
                throw Error($"{PythonRepr.Of(value)} is not of type 'string'{(field.Name == "driver" ? string.Empty : ", 'null'")}");
            case FieldType.Boolean when kind is not (JsonValueKind.String or JsonValueKind.True or JsonValueKind.False):
                throw Error($"{PythonRepr.Of(value)} is not of type 'string', 'boolean', 'null'");
            case FieldType.Boolean:
                return IronicBool.Parse(field.Name, value);
            case FieldType.Uuid when !Guid.TryParse(value.GetValue<string>(), out _):
                throw ApiFault.BadRequest($"Expected UUID for {field.Name}: {value.GetValue<string>()}");
            case FieldType.String:
                var text = value.GetValue<string>();
                var max = field.Name switch
                {
                    "description" => DescriptionMaxLength,
                    "resource_class" => ResourceClassMaxLength,
                    "instance_name" => InstanceNameMaxLength,
                    _ => int.MaxValue,
                };
                return text.Length > max ? throw Error($"{PythonRepr.Of(value)} is too long")
                    : text.Length == 0 && field.Name == "instance_name" ? throw Error($"{PythonRepr.Of(value)} is too short")
                    : value;
            default:
                return value;
        }
    }

    public static ApiFault Error(string message) => ApiFault.BadRequest($"Schema error for node: {message}");
}
