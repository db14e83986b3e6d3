using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Network;

/// <summary>
/// A node's VIFs (1.28): list, attach, detach, with Ironic's schema on the VIF; the conductor
/// attaches them through its flat network interface (<see cref="Conductor.AttachVif"/>).
/// </summary>
internal static class VifEndpoints
{
    private const int Since = 28;

    /// <summary>From 1.67 a VIF may name the port or the portgroup to attach to, not both.</summary>
    private const int PortChoiceSince = 67;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/nodes/{ident}/vifs", List);
        routes.MapPost("/v1/nodes/{ident}/vifs", Attach);
        routes.MapDelete("/v1/nodes/{ident}/vifs/{vif}", Detach);
    }

    private static async Task List(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var vifs = await loop.Run(s => s.Conductor.ListVifs(NodeIdent.Find(s, ident, version).Uuid)).ConfigureAwait(false);
        await Respond.Json(context, new JsonObject { ["vifs"] = new JsonArray([.. vifs.Select(v => (JsonNode)new JsonObject { ["id"] = v.Id })]) }).ConfigureAwait(false);
    }

    private static async Task Attach(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        var body = await RequestBody.ReadObjectAsync(context, "vif").ConfigureAwait(false);
        var vif = body["id"] switch
        {
            null when !body.ContainsKey("id") => throw ApiFault.BadRequest("Schema error for vif: 'id' is a required property"),
            JsonValue value when value.TryGetValue<string>(out var text) => CheckId("id", text),
            var other => throw ApiFault.BadRequest($"Schema error for vif: {PythonRepr.Of(other)} is not of type 'string'"),
        };
        var portUuid = Text(body, "port_uuid");
        var portgroupUuid = portUuid is null ? Text(body, "portgroup_uuid") : null;
        if (version.Allows(PortChoiceSince) && portUuid is not null && body.ContainsKey("portgroup_uuid"))
        {
            throw ApiFault.BadRequest("Cannot specify both port_uuid and portgroup_uuid");
        }

        await loop.Run(s =>
        {
            s.Conductor.AttachVif(NodeIdent.Find(s, ident, version).Uuid, vif, portUuid, portgroupUuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task Detach(HttpContext context, ConductorLoop loop, string ident, string vif)
    {
        _ = new QueryArgs(context);
        var version = context.RequireEndpoint(Since);
        CheckId("vif_id", vif);
        await loop.Run(s =>
        {
            s.Conductor.DetachVif(NodeIdent.Find(s, ident, version).Uuid, vif);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>Ironic's <c>uuid_or_name</c> check.</summary>
    private static string CheckId(string name, string value) =>
        Guid.TryParse(value, out _) || NodeNames.IsValid(value) ? value : throw ApiFault.BadRequest($"Expected UUID or name for {name}: {value}");

    /// <summary>A value the VIF carries along (only its presence and text matter here).</summary>
    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : body[name]?.ToJsonString();
}
