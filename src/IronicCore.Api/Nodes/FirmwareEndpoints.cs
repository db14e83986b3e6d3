using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Nodes;

/// <summary>
/// A node's firmware components (1.86; <c>vendor</c>, <c>model</c>, <c>serial_number</c> from
/// 1.114), as the node's firmware interface cached them: <c>redfish</c> (2025.1 and master) caches
/// the <c>bios</c> and <c>bmc</c> versions when cleaning or servicing starts and ends, at
/// verification and after a firmware update; <c>fake</c> and <c>no-firmware</c> cache none.
/// Each entry is Ironic's <c>object_to_dict</c>: the timestamps, then the fields asked for (by
/// default the component and its versions, and from 1.114 the identity fields, which the simulated
/// BMCs leave null).
/// </summary>
internal static class FirmwareEndpoints
{
    private const int Since = 86;
    private const int IdentitySince = 114;
    private static readonly string[] Fields =
        ["created_at", "updated_at", "component", "initial_version", "current_version", "last_version_flashed", "vendor", "model", "serial_number"];
    private static readonly string[] IdentityFields = ["vendor", "model", "serial_number"];
    private static readonly string[] DefaultFields = ["component", "initial_version", "current_version", "last_version_flashed"];

    public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/v1/nodes/{ident}/firmware", List);

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = context.RequireEndpoint(Since);
        var query = new QueryArgs(context, "detail", "fields");
        var fields = query.StringList("fields");

        // Ironic converts only fields before its schema check, so any detail, even "true", is not a boolean to it.
        if (query["detail"] is { } detail)
        {
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(detail)} is not of type 'boolean'");
        }

        if (fields?.FirstOrDefault(f => !Fields.Contains(f)) is { } unknown)
        {
            var allowed = string.Join(", ", Fields.Select(f => $"'{f}'"));
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(unknown)} is not one of [{allowed}]");
        }

        var components = await loop.Run(s => s.Conductor.GetFirmwareComponents(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        if (!version.Allows(IdentitySince) && fields?.Intersect(IdentityFields).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } newer)
        {
            throw ApiFault.BadRequest(
                $"Fields {string.Join(", ", newer)} are not allowed in this API version. They require at least API version 1.{IdentitySince}.");
        }

        IReadOnlyList<string> shown = fields is not null ? fields : version.Allows(IdentitySince) ? [.. DefaultFields, .. IdentityFields] : DefaultFields;
        var list = new JsonArray();
        foreach (var component in components)
        {
            list.Add(Render(component, shown));
        }

        await Respond.Json(context, new JsonObject { ["firmware"] = list }).ConfigureAwait(false);
    }

    private static JsonObject Render(IronicCore.Nodes.FirmwareComponent component, IReadOnlyList<string> fields)
    {
        var entry = new JsonObject
        {
            ["created_at"] = Timestamps.Format(component.CreatedAt),
            ["updated_at"] = Timestamps.Format(component.UpdatedAt),
        };
        foreach (var field in fields)
        {
            entry[field] = field switch
            {
                "component" => component.Component,
                "initial_version" => component.InitialVersion,
                "current_version" => component.CurrentVersion,
                "last_version_flashed" => component.LastVersionFlashed,
                "created_at" or "updated_at" => entry[field]?.DeepClone(),
                _ => null,
            };
        }

        return entry;
    }
}
