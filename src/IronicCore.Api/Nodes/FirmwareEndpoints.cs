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
/// 1.114). Ironic caches components through the firmware interface; <c>fake</c> (fake-hardware's
/// default) caches none and <c>no-firmware</c> (ipmi's) has none, so every node answers an empty
/// list, after Ironic's query checks.
/// </summary>
internal static class FirmwareEndpoints
{
    private const int Since = 86;
    private const int IdentitySince = 114;
    private static readonly string[] Fields =
        ["created_at", "updated_at", "component", "initial_version", "current_version", "last_version_flashed", "vendor", "model", "serial_number"];
    private static readonly string[] IdentityFields = ["vendor", "model", "serial_number"];

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

        await loop.Run(s => NodeIdent.Find(s, ident, version)).ConfigureAwait(false);
        if (!version.Allows(IdentitySince) && fields?.Intersect(IdentityFields).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } newer)
        {
            throw ApiFault.BadRequest(
                $"Fields {string.Join(", ", newer)} are not allowed in this API version. They require at least API version 1.{IdentitySince}.");
        }

        await Respond.Json(context, new JsonObject { ["firmware"] = new JsonArray() }).ConfigureAwait(false);
    }
}
