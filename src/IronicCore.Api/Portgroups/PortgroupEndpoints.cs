using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Portgroups;

/// <summary>
/// Portgroups (1.23): list (all, a node's from 1.24), show, create, update, delete, as Ironic's
/// <c>PortgroupsController</c> and the conductor's portgroup calls; changes take the node's lock.
/// </summary>
internal static class PortgroupEndpoints
{
    private const int Since = 23;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/portgroups", (HttpContext c, ConductorLoop l) => PortgroupList.Run(c, l, detailPath: false, node: null));
        routes.MapGet("/v1/portgroups/detail", (HttpContext c, ConductorLoop l) => PortgroupList.Run(c, l, detailPath: true, node: null));
        routes.MapGet("/v1/nodes/{ident}/portgroups", (HttpContext c, ConductorLoop l, string ident) => PortgroupList.Run(c, l, detailPath: false, node: NodePath(c, ident)));
        routes.MapGet("/v1/nodes/{ident}/portgroups/detail", (HttpContext c, ConductorLoop l, string ident) => PortgroupList.Run(c, l, detailPath: true, node: NodePath(c, ident)));
        routes.MapGet("/v1/portgroups/{ident}", Show);
        routes.MapPost("/v1/portgroups", Create);
        routes.MapMethods("/v1/portgroups/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/portgroups/{ident}", Delete);
    }

    /// <summary>A node's portgroups exist from 1.24.</summary>
    private static string NodePath(HttpContext context, string ident)
    {
        context.RequireEndpoint(24);
        return ident;
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = context.RequireEndpoint(Since);
        var query = new QueryArgs(context, "fields");
        var fields = query.List("fields");
        PortgroupIdent.Check(context, ident);
        PortgroupFields.Check(fields, version, context.Maximum());
        var baseUrl = Links.BaseUrl(context);
        var answer = PortgroupFields.Render(PortgroupIdent.Find(loop.Published.Portgroups, ident), version, baseUrl, fields);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        var sent = await RequestBody.ReadObjectAsync(context, "portgroup").ConfigureAwait(false);
        var body = PortgroupWrites.Validate("portgroup", sent, context.Maximum());
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var node = NodeByUuid(s, RequestBody.String(body, "node_uuid")!);
            if (!version.Allows(26) && (Truthy(body["mode"]) || Truthy(body["properties"])))
            {
                throw ApiFault.NotAcceptable();
            }

            var name = RequestBody.String(body, "name");
            PortgroupWrites.CheckName(name, $"Cannot create portgroup with invalid name '{name}'");
            var request = new PortgroupRequest { Node = node.Uuid };
            foreach (var (field, value) in body)
            {
                request = PortgroupWrites.ToRequest(request, field, value);
            }

            // Ironic's API generates the UUID, so the conductor's random draws stay the simulation's.
            var portgroup = s.Conductor.CreatePortgroup(request, RequestBody.String(body, "uuid"));
            return (portgroup.Uuid, PortgroupFields.Render(portgroup, version, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/portgroups/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        PortgroupIdent.Check(context, ident);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var maximum = context.Maximum();
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var portgroup = s.Conductor.GetPortgroup(ident);
            if (!version.Allows(26) && operations.Any(o => Touches(o, "mode") || Touches(o, "properties")))
            {
                throw ApiFault.NotAcceptable();
            }

            var patchable = PortgroupWrites.Patchable(maximum).ToList();
            JsonPatch.EnsureAllowed(operations, patchable);

            foreach (var name in Values(operations, "/name").Select(v => v is JsonValue text && text.TryGetValue<string>(out var n) ? n : null))
            {
                PortgroupWrites.CheckName(name, $"Portgroup {ident}: Cannot change name to invalid name '{name}'");
            }

            var node = Values(operations, "/node_uuid").FirstOrDefault() is { } move
                ? OwnerNode.ForMove(s, move is JsonValue v && v.TryGetValue<string>(out var text) ? text : null, portgroup.NodeUuid, version)
                : s.Conductor.GetNode(portgroup.NodeUuid);
            var patched = JsonPatch.Apply(PortgroupFields.Document(portgroup, baseUrl), operations);
            patched["node_uuid"] = node.Uuid;
            if (!patched.ContainsKey("mode"))
            {
                throw ApiFault.BadRequest("'mode' is a mandatory attribute and can not be removed");
            }

            var body = PortgroupWrites.Validate("patch", PortgroupWrites.Prune(patched, maximum), maximum);

            // A field the patch removed goes back to its default, as Ironic's patch_update_changed_fields does.
            var request = PortgroupRequest.From(portgroup) with { Node = node.Uuid };
            foreach (var field in patchable)
            {
                request = PortgroupWrites.ToRequest(request, field, body[field]);
            }

            if (node.ProvisionState == ProvisionState.Inspecting && version.Allows(39))
            {
                throw new ApiFault(409, $"Cannot update portgroup \"{portgroup.Uuid}\" on node \"{node.Uuid}\" while it is in state \"inspecting\".");
            }

            var updated = s.Conductor.UpdatePortgroup(portgroup.Uuid, request);

            // Ironic's API then has the conductor give the portgroup's physical network to every member port.
            if (operations.Any(o => Touches(o, "physical_network")))
            {
                updated = s.Conductor.UpdatePortgroupPhysicalNetwork(updated.Uuid, updated.PhysicalNetwork);
            }

            return PortgroupFields.Render(updated, version, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        context.RequireEndpoint(Since);
        _ = new QueryArgs(context);
        PortgroupIdent.Check(context, ident);
        await loop.Run(s =>
        {
            s.Conductor.DeletePortgroup(ident);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>The node a create body names by UUID (a name is not looked up); a missing one is 400, the request not being about the node.</summary>
    private static NodeView NodeByUuid(SimulationState simulation, string uuid)
    {
        try
        {
            var node = simulation.Conductor.GetNode(uuid);
            if (string.Equals(node.Uuid, uuid, StringComparison.OrdinalIgnoreCase))
            {
                return node;
            }
        }
        catch (NodeNotFoundException)
        {
        }

        throw ApiFault.BadRequest($"Node {uuid} could not be found.");
    }

    /// <summary>Python's truth of a JSON value: null, empty strings and empty objects are false.</summary>
    private static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Length > 0,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        _ => true,
    };

    /// <summary>Ironic's <c>get_patch_values</c>: the values an add or replace sets at exactly <paramref name="path"/>.</summary>
    private static IEnumerable<JsonNode?> Values(IEnumerable<JsonObject> operations, string path) =>
        operations.Where(o => JsonPatch.Path(o) == path && o["op"]!.GetValue<string>() != "remove").Select(o => o["value"]);

    /// <summary>Ironic's <c>is_path_updated</c>: the field or a member of it is added, replaced or removed.</summary>
    private static bool Touches(JsonObject operation, string field)
    {
        var path = JsonPatch.Path(operation);
        return path == $"/{field}" || path.StartsWith($"/{field}/", StringComparison.Ordinal);
    }
}
