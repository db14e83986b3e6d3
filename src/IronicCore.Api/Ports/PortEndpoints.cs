using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Portgroups;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Ports;

/// <summary>
/// Ports: list (all, a node's, a portgroup's), show, create, update, delete, as Ironic's
/// <c>PortsController</c> and the conductor's port calls; changes take the node's lock.
/// </summary>
internal static class PortEndpoints
{
    /// <summary>Ironic master shows and changes ports by UUID or name; 21.4 by UUID only.</summary>
    private const int NamedPortsSince = 88;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/ports", (HttpContext c, ConductorLoop l) => PortList.Run(c, l, detailPath: false, node: null, portgroup: null));
        routes.MapGet("/v1/ports/detail", (HttpContext c, ConductorLoop l) => PortList.Run(c, l, detailPath: true, node: null, portgroup: null));
        routes.MapGet("/v1/nodes/{ident}/ports", (HttpContext c, ConductorLoop l, string ident) => PortList.Run(c, l, detailPath: false, node: ident, portgroup: null));
        routes.MapGet("/v1/nodes/{ident}/ports/detail", (HttpContext c, ConductorLoop l, string ident) => PortList.Run(c, l, detailPath: true, node: ident, portgroup: null));
        routes.MapGet("/v1/portgroups/{ident}/ports", (HttpContext c, ConductorLoop l, string ident) => PortList.Run(c, l, detailPath: false, node: null, portgroup: PortgroupPath(c, ident)));
        routes.MapGet("/v1/portgroups/{ident}/ports/detail", (HttpContext c, ConductorLoop l, string ident) => PortList.Run(c, l, detailPath: true, node: null, portgroup: PortgroupPath(c, ident)));
        routes.MapGet("/v1/ports/{ident}", Show);
        routes.MapPost("/v1/ports", Create);
        routes.MapMethods("/v1/ports/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/ports/{ident}", Delete);
    }

    /// <summary>A portgroup's ports exist from 1.24; the portgroup in the path is checked first.</summary>
    private static string PortgroupPath(HttpContext context, string ident)
    {
        PortgroupIdent.CheckPath(ident);
        context.RequireEndpoint(24);
        return ident;
    }

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        var query = new QueryArgs(context, "fields");
        var version = context.Version();
        CheckIdent(context, ident);
        var fields = query.List("fields");
        if (fields is not null && !version.Allows(8))
        {
            throw ApiFault.NotAcceptable();
        }

        var known = PortFields.Known(context.Maximum()).ToList();
        PortWrites.CheckVersion(fields?.Where(known.Contains) ?? [], null, version);
        Listing.CheckFields(fields, known);
        var baseUrl = Links.BaseUrl(context);
        var port = PortFields.Render(PortIdent.Find(loop.Published.Ports, ident), version, baseUrl, fields);
        await Respond.Json(context, port).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        _ = new QueryArgs(context);
        var sent = await RequestBody.ReadObjectAsync(context, "port").ConfigureAwait(false);
        var version = context.Version();
        var body = PortWrites.Validate("port", sent, context.Maximum());
        var nodeIdent = RequestBody.String(body, PortWrites.NodeIdent);
        if (nodeIdent is not null && !version.Allows(94))
        {
            throw ApiFault.NotAcceptable();
        }

        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var nodeUuid = RequestBody.String(body, "node_uuid");
            var node = OwnerNode.ForCreate(s, nodeIdent ?? nodeUuid!, nodeUuid ?? "None", version);
            PortWrites.CheckVersion(body.Select(p => p.Key), body["local_link_connection"] as JsonObject, version);
            var request = new PortRequest { Node = node.Uuid, Address = RequestBody.String(body, "address")! };
            foreach (var (field, value) in body)
            {
                request = PortWrites.ToRequest(request, field, value);
            }

            PortView port;
            try
            {
                // Ironic's API generates the UUID, so the conductor's random draws stay the simulation's.
                port = s.Conductor.CreatePort(request, RequestBody.String(body, "uuid"));
            }
            catch (PortgroupNotFoundException error)
            {
                // Ironic's API answers 400: the request is not about the portgroup.
                throw ApiFault.BadRequest(error.Message);
            }

            return (port.Uuid, PortFields.Render(port, version, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/ports/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        CheckIdent(context, ident);
        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var version = context.Version();
        var maximum = context.Maximum();
        var patchable = PortWrites.Patchable(maximum).ToList();
        JsonPatch.EnsureAllowed(operations, patchable);

        // Master checks only these paths against the request's version; its newer fields patch at any version.
        string[] gated = ["pxe_enabled", "local_link_connection", "portgroup_uuid", "physical_network", "is_smartnic", "local_link_connection/network_type"];
        PortWrites.CheckVersion(gated.Where(f => operations.Any(o => Touches(o, f))), null, version);
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var port = s.Conductor.GetPort(ident);
            var newNode = operations.LastOrDefault(o => JsonPatch.Path(o) == "/node_uuid" && o["op"]!.GetValue<string>() != "remove") is { } move
                ? OwnerNode.ForMove(s, move["value"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null, port.NodeUuid, version)
                : s.Conductor.GetNode(port.NodeUuid);
            var patched = JsonPatch.Apply(PortFields.Document(port, baseUrl), operations);
            patched["node_uuid"] = newNode.Uuid;
            var portgroup = port.PortgroupUuid is { } current ? s.Conductor.GetPortgroup(current).Uuid : null;
            if (operations.Any(o => JsonPatch.Path(o) == "/portgroup_uuid"))
            {
                portgroup = patched["portgroup_uuid"] is JsonValue p && p.TryGetValue<string>(out var pg) && pg.Length > 0 ? PortgroupByUuid(s, pg) : null;
            }

            var body = PortWrites.Validate("patch", PortWrites.Prune(patched, maximum), maximum);

            // A field the patch removed goes back to its default, as Ironic's patch_update_changed_fields does.
            var request = PortRequest.From(port) with { Node = newNode.Uuid };
            foreach (var field in patchable)
            {
                request = PortWrites.ToRequest(request, field, field == "portgroup_uuid" ? portgroup : body[field]);
            }

            if (newNode.ProvisionState == ProvisionState.Inspecting && version.Allows(39))
            {
                throw new ApiFault(409, $"Cannot update port \"{port.Uuid}\" on \"{newNode.Uuid}\" while it is in state \"inspecting\".");
            }

            var physnetPatched = operations.Any(o => JsonPatch.Path(o) == "/physical_network" && o["op"]!.GetValue<string>() != "remove");
            if (physnetPatched && request.PhysicalNetwork is { Length: 0 })
            {
                throw ApiFault.BadRequest("A non-empty value is required when setting physical_network");
            }

            if (version.Allows(102) && physnetPatched && portgroup is not null)
            {
                throw ApiFault.BadRequest("physical_network cannot be changed while the port belongs to a portgroup.");
            }

            return PortFields.Render(s.Conductor.UpdatePort(port.Uuid, request), version, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        _ = new QueryArgs(context);
        if (!Guid.TryParse(ident, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for port_uuid: {ident}");
        }

        await loop.Run(s =>
        {
            s.Conductor.DeletePort(ident);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>The ident check of show and update: master takes a UUID or a name, 21.4 a UUID.</summary>
    private static void CheckIdent(HttpContext context, string ident)
    {
        if (!context.Maximum().Allows(NamedPortsSince))
        {
            if (!Guid.TryParse(ident, out _))
            {
                throw ApiFault.BadRequest($"Expected UUID for port_uuid: {ident}");
            }
        }
        else if (!Guid.TryParse(ident, out _) && !NodeNames.IsValid(ident))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for port_ident: {ident}");
        }
    }

    /// <summary>The portgroup a patch names by UUID: anything else, or no such portgroup, is 400 (the request is not about the portgroup).</summary>
    private static string PortgroupByUuid(SimulationState simulation, string uuid)
    {
        try
        {
            return Guid.TryParse(uuid, out _) ? simulation.Conductor.GetPortgroup(uuid).Uuid : throw new PortgroupNotFoundException(uuid);
        }
        catch (PortgroupNotFoundException error)
        {
            throw ApiFault.BadRequest(error.Message);
        }
    }

    private static bool Touches(JsonObject operation, string field)
    {
        var path = JsonPatch.Path(operation);
        var exact = path == $"/{field}" && operation["op"]!.GetValue<string>() != "remove";
        var removed = operation["op"]!.GetValue<string>() == "remove" && (path == $"/{field}" || path.StartsWith($"/{field}/", StringComparison.Ordinal));
        return exact || removed;
    }
}
