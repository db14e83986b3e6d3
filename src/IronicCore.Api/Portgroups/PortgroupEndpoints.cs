using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Network;
using IronicCore.Api.Patch;
using IronicCore.Api.Ports;
using IronicCore.Api.Versioning;
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
        var answer = await loop.Run(s => PortgroupFields.Render(s.Portgroups.Get(ident), version, baseUrl, fields)).ConfigureAwait(false);
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
            var nodeUuid = RequestBody.String(body, "node_uuid")!;
            var node = s.Conductor.Nodes.FirstOrDefault(n => string.Equals(n.Uuid, nodeUuid, StringComparison.OrdinalIgnoreCase))
                ?? throw ApiFault.BadRequest($"Node {nodeUuid} could not be found.");
            if (!version.Allows(26) && (Truthy(body["mode"]) || Truthy(body["properties"])))
            {
                throw ApiFault.NotAcceptable();
            }

            var name = RequestBody.String(body, "name");
            PortgroupWrites.CheckName(name, $"Cannot create portgroup with invalid name '{name}'");
            var portgroup = new Portgroup(s.Portgroups.NextId(), RequestBody.String(body, "uuid") ?? Guid.NewGuid().ToString(), node.Uuid, s.Now);
            foreach (var (field, value) in body)
            {
                PortgroupWrites.Store(portgroup, field, value);
            }

            // Ironic's API creates portgroups itself, without the conductor or its lock.
            s.Portgroups.Add(portgroup);
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
            var portgroup = s.Portgroups.Get(ident);
            if (!version.Allows(26) && operations.Any(o => Touches(o, "mode") || Touches(o, "properties")))
            {
                throw ApiFault.NotAcceptable();
            }

            var patchable = PortgroupWrites.Patchable(maximum).ToList();
            foreach (var operation in operations.Where(o => !patchable.Contains(JsonPatch.Path(o).Split('/')[1])))
            {
                throw ApiFault.BadRequest($"Cannot patch {JsonPatch.Path(operation)}. Only the following can be updated: {string.Join(", ", patchable)}");
            }

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
            void StoreAll(Portgroup target)
            {
                foreach (var field in patchable)
                {
                    PortgroupWrites.Store(target, field, body[field]);
                }
            }

            var updated = new Portgroup(portgroup.Id, portgroup.Uuid, node.Uuid, portgroup.CreatedAt);
            StoreAll(updated);

            var before = PortgroupFields.Document(portgroup, baseUrl);
            var after = PortgroupFields.Document(updated, baseUrl);
            var changed = PortgroupFields.All.Select(f => f.Name)
                .Where(n => n is not ("internal_info" or "created_at" or "updated_at" or "links" or "ports") && !JsonNode.DeepEquals(before[n], after[n]))
                .ToHashSet(StringComparer.Ordinal);
            if (node.ProvisionState == ProvisionState.Inspecting && version.Allows(39))
            {
                throw new ApiFault(409, $"Cannot update portgroup \"{portgroup.Uuid}\" on node \"{node.Uuid}\" while it is in state \"inspecting\".");
            }

            var locked = OwnerNode.Lock(s, node.Uuid);
            var members = s.Ports.InPortgroup(portgroup.Uuid).ToList();
            if (changed.Contains("node_uuid"))
            {
                if (!PortConductor.ConnectivityStates.Contains(locked.ProvisionState) && !locked.Maintenance)
                {
                    throw new ApiFault(409,
                        $"Portgroup {portgroup.Uuid} can not be associated to node {locked.Uuid} unless the node is in a {PortConductor.ConnectivityStateNames} state " +
                        $"or in maintenance mode. Current state is '{locked.ProvisionState.ToIronicName()}'.");
                }

                if (members.Count > 0)
                {
                    throw ApiFault.BadRequest($"Portgroup {portgroup.Uuid} can not be associated with node {locked.Uuid} because there are ports associated with this portgroup.");
                }
            }

            if (changed.Contains("standalone_ports_supported") && !updated.StandalonePortsSupported)
            {
                CheckStandalone(updated.Uuid, members);
            }

            s.Portgroups.CheckUnique(portgroup, updated.Address, updated.Name);
            StoreAll(portgroup);
            portgroup.NodeUuid = node.Uuid;
            if (changed.Count > 0)
            {
                portgroup.UpdatedAt = s.Now;
            }

            // The conductor then gives the portgroup's physical network to every member port.
            if (operations.Any(o => Touches(o, "physical_network")))
            {
                foreach (var port in members.Where(p => p.PhysicalNetwork != portgroup.PhysicalNetwork))
                {
                    port.PhysicalNetwork = portgroup.PhysicalNetwork;
                    port.UpdatedAt = s.Now;
                }
            }

            return PortgroupFields.Render(portgroup, version, baseUrl);
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
            var portgroup = s.Portgroups.Get(ident);
            OwnerNode.Lock(s, portgroup.NodeUuid);
            if (s.Ports.InPortgroup(portgroup.Uuid).Any())
            {
                throw ApiFault.BadRequest($"Cannot complete the requested action because portgroup {portgroup.Id} contains ports.");
            }

            s.Portgroups.Remove(portgroup);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>The flat network's <c>portgroup_changed</c>: no standalone ports while a member boots by PXE or holds a VIF.</summary>
    private static void CheckStandalone(string portgroupUuid, IEnumerable<Port> members)
    {
        foreach (var port in members)
        {
            var reasons = new List<string>();
            if (port.PxeEnabled)
            {
                reasons.Add("'pxe_enabled' is set to True");
            }

            if (FlatNetwork.VifOf(port.InternalInfo) is { } vif)
            {
                reasons.Add($"VIF {vif} is attached to this port");
            }

            if (reasons.Count > 0)
            {
                throw new ApiFault(409,
                    $"standalone_ports_supported can not be set to False, because the port group {portgroupUuid} contains port with {string.Join(", ", reasons)}");
            }
        }
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
