using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's cached BIOS settings (1.40; Ironic's <c>NodeBiosController</c>): the list with
/// <c>name</c> and <c>value</c>, from 1.74 <c>detail</c> (the registry fields) and <c>fields</c>;
/// one setting by name, with the registry fields from 1.74.
/// </summary>
internal static class BiosEndpoints
{
    private const int Since = 40;
    private const int RegistrySince = 74;
    private static readonly string[] DefaultFields = ["name", "value"];
    private static readonly string[] RegistryFields =
        ["name", "value", "attribute_type", "allowable_values", "lower_bound", "max_length", "min_length", "read_only", "reset_required", "unique", "upper_bound"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/bios", List);
        routes.MapGet("/v1/nodes/{ident}/bios/{name}", Show);
    }

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = context.RequireEndpoint(Since);
        var query = new QueryArgs(context, "detail", "fields");
        var fields = query.StringList("fields");
        var detail = query.Bool("detail");
        var allowQuery = version.Allows(RegistrySince);

        // Ironic's get_request_return_fields, in its order.
        if (detail is { } shown && !allowQuery)
        {
            throw ApiFault.BadRequest($"Invalid query parameter ?detail={(shown ? "True" : "False")} received.");
        }

        if (fields is not null && !allowQuery)
        {
            throw ApiFault.BadRequest($"Invalid query parameter ?fields=[{string.Join(", ", fields.Select(f => $"'{f}'"))}] received.");
        }

        if (fields is not null && detail == true)
        {
            throw ApiFault.BadRequest("Can not specify ?detail=True and fields in the same request.");
        }

        if (fields?.FirstOrDefault(f => !RegistryFields.Contains(f) && f is not ("created_at" or "updated_at" or "links")) is { } unknown)
        {
            throw ApiFault.BadRequest($"Field(s) \"{unknown}\" are not valid");
        }

        IReadOnlyList<string> shownFields = detail == true ? RegistryFields : fields is not null ? fields : DefaultFields;
        var settings = await loop.Run(s => s.Conductor.GetBiosSettings(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        var baseUrl = Links.BaseUrl(context);
        var list = new JsonArray();
        foreach (var setting in settings)
        {
            list.Add(Render(setting, shownFields, baseUrl, ident));
        }

        await Respond.Json(context, new JsonObject { ["bios"] = list }).ConfigureAwait(false);
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident, string name)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        var (uuid, setting) = await loop.Run(s =>
        {
            var node = NodeIdent.Find(s, ident, version);
            var found = s.Conductor.GetBiosSettings(node.Uuid).FirstOrDefault(b => b.Name == name)
                ?? throw new NotFoundException($"Node {node.Uuid} doesn't have a BIOS setting '{name}'");
            return (node.Uuid, found);
        }).ConfigureAwait(false);
        var fields = version.Allows(RegistrySince) ? RegistryFields : DefaultFields;
        await Respond.Json(context, new JsonObject { [name] = Render(setting, fields, Links.BaseUrl(context), uuid) }).ConfigureAwait(false);
    }

    /// <summary>Ironic's <c>object_to_dict</c>: the timestamps, the fields asked for (a missing list is <c>[]</c>), then the links under the node as the request named it.</summary>
    private static JsonObject Render(BiosSetting setting, IEnumerable<string> fields, string baseUrl, string nodeIdent)
    {
        var entry = new JsonObject
        {
            ["created_at"] = Timestamps.Format(setting.CreatedAt),
            ["updated_at"] = Timestamps.Format(setting.UpdatedAt),
        };
        foreach (var field in fields)
        {
            entry[field] = field switch
            {
                "name" => setting.Name,
                "value" => setting.Value,
                "created_at" or "updated_at" => entry[field]?.DeepClone(),
                "links" => null,
                _ => setting.Registry.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
                    ? JsonNode.Parse(value.GetRawText())
                    : field == "allowable_values" ? new JsonArray() : null,
            };
        }

        entry.Remove("links");
        entry["links"] = Links.Pair(baseUrl, $"nodes/{nodeIdent}/bios/{setting.Name}");
        return entry;
    }
}
