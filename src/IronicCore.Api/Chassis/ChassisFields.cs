using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Ports;
using IronicCore.Resources;

namespace IronicCore.Api.Chassis;

/// <summary>Ironic's chassis object: its fields, links (with the <c>nodes</c> links Ironic nests one list deeper) and schema.</summary>
internal static class ChassisFields
{
    /// <summary>The fields a list shows without <c>detail</c> or <c>fields</c>.</summary>
    public static readonly string[] ListDefault = ["uuid", "description"];

    /// <summary>Ironic's <c>CHASSIS_SCHEMA</c>.</summary>
    public static readonly ObjectSchema Schema = new(
        [new("uuid", 1, ["string", "null"]), new("extra", 1, ["object", "null"]), new("description", 1, ["string", "null"], MaxLength: 255)],
        []);

    public static JsonObject Render(ChassisView chassis, string baseUrl, IReadOnlyCollection<string>? fields = null)
    {
        var json = new JsonObject
        {
            ["uuid"] = chassis.Uuid,
            ["created_at"] = Timestamps.Format(chassis.CreatedAt),
            ["updated_at"] = Timestamps.Format(chassis.UpdatedAt),
            ["description"] = chassis.Description,
            ["extra"] = JsonElements.ToNode(chassis.Extra),
            ["links"] = Links.Pair(baseUrl, $"chassis/{chassis.Uuid}"),

            // Ironic's convert_with_links ends the assignment with a comma: a list holding the links list.
            ["nodes"] = new JsonArray(Links.Pair(baseUrl, $"chassis/{chassis.Uuid}/nodes")),
        };
        if (fields is null)
        {
            return json;
        }

        var invalid = fields.Where(f => !json.ContainsKey(f)).ToList();
        if (invalid.Count > 0)
        {
            throw ApiFault.BadRequest($"Field(s) \"{string.Join(", ", invalid)}\" are not valid");
        }

        foreach (var name in json.Select(p => p.Key).Where(k => k != "links" && !fields.Contains(k)).ToList())
        {
            json.Remove(name);
        }

        return json;
    }
}
