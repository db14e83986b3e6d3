using System.Collections.Immutable;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IronicCore.Api.Allocations;

/// <summary>
/// Allocations (1.52): list with Ironic's filters, show (UUID or name), create (the conductor's
/// allocation runs at once; the answer is Ironic's, taken before its worker ran), patch (1.57),
/// delete, and a node's allocation (<c>/v1/nodes/{node}/allocation</c>).
/// </summary>
internal static class AllocationEndpoints
{
    private static readonly string[] SortKeys = ["id", "uuid", "name", "node_id", "state", "last_error", "resource_class", "owner", "conductor_affinity", "created_at", "updated_at"];

    private static readonly string[] Unsortable = ["extra", "candidate_nodes", "traits"];

    private static readonly string[] Patchable = ["name", "extra"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/allocations", List);
        routes.MapGet("/v1/allocations/{ident}", Show);
        routes.MapPost("/v1/allocations", Create);
        routes.MapMethods("/v1/allocations/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/allocations/{ident}", Delete);
        routes.MapGet("/v1/nodes/{node}/allocation", ShowOfNode);
        routes.MapDelete("/v1/nodes/{node}/allocation", DeleteOfNode);
    }

    /// <summary>Below the version: 404 for a read, 405 for a write, as Ironic's <c>api_version</c> check answers.</summary>
    private static ApiVersion Require(HttpContext context, int since, string what)
    {
        var version = context.Version();
        if (version.Allows(since))
        {
            return version;
        }

        var status = HttpMethods.IsGet(context.Request.Method) ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
        throw new RouterFault(status, $"The API version does not allow {what}");
    }

    private static async Task List(HttpContext context, ConductorLoop loop)
    {
        var version = Require(context, AllocationFields.Since, "allocations");
        var query = new QueryArgs(context, "node", "resource_class", "state", "marker", "limit", "sort_key", "sort_dir", "fields", "owner");
        var fields = query.StringList("fields");
        var owner = query["owner"];
        if ((owner is not null || fields?.Contains("owner") == true) && !version.Allows(AllocationFields.OwnerSince))
        {
            throw ApiFault.NotAcceptable();
        }

        var limit = Paging.Limit(query.Int("limit"));
        var sortDir = Paging.SortDirection(query["sort_dir"]);
        var sortKey = Paging.SortKey(query["sort_key"], SortKeys, Unsortable);

        var marker = query["marker"];
        var nodeIdent = query["node"];
        var resourceClass = query["resource_class"];
        var state = query["state"];
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var all = s.Conductor.Allocations;
            if (marker is not null && !all.Any(a => string.Equals(a.Uuid, marker, StringComparison.OrdinalIgnoreCase)))
            {
                throw new AllocationNotFoundException(marker);
            }

            string? nodeUuid = null;
            if (nodeIdent is not null)
            {
                nodeUuid = NodeUuid(s.Conductor, nodeIdent);
            }

            var allocations = all.Where(a => (nodeUuid is null || a.NodeUuid == nodeUuid) && (resourceClass is null || a.ResourceClass == resourceClass)
                && (state is null || AllocationFields.State(a.State) == state) && (owner is null || a.Owner == owner)).ToList();
            if (sortKey != "id")
            {
                allocations = [.. allocations.OrderBy(a => SortValue(a, sortKey), StringComparer.Ordinal)];
            }

            if (sortDir == "desc")
            {
                allocations.Reverse();
            }

            var page = Paging.Page(allocations, a => a.Uuid, limit, marker, m => new AllocationNotFoundException(m));
            var result = new JsonObject { ["allocations"] = new JsonArray([.. page.Select(a => (JsonNode)AllocationFields.Render(a, version, baseUrl, fields))]) };
            if (Paging.Next(baseUrl, "allocations", page.Count, limit, sortKey, sortDir, null, fields, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static string? SortValue(AllocationView allocation, string key) => key switch
    {
        "uuid" => allocation.Uuid,
        "name" => allocation.Name,
        "node_id" => allocation.NodeUuid,
        "state" => AllocationFields.State(allocation.State),
        "last_error" => allocation.LastError,
        "resource_class" => allocation.ResourceClass,
        "owner" => allocation.Owner,
        "created_at" => allocation.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        "updated_at" => allocation.UpdatedAt?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = Require(context, AllocationFields.Since, "allocations");
        var fields = Fields(context, version);
        EnsureIdent(ident, "allocation_ident");
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s => AllocationFields.Render(s.Conductor.GetAllocation(ident), version, baseUrl, fields)).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task ShowOfNode(HttpContext context, ConductorLoop loop, string node)
    {
        var version = context.RequireEndpoint(AllocationFields.Since);
        var fields = Fields(context, version);
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            // Ironic's node lookup here answers an unknown node 400, as its collection's node filter does.
            NodeUuid(s.Conductor, node);
            return AllocationFields.Render(s.Conductor.GetNodeAllocation(node), version, baseUrl, fields);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static List<string>? Fields(HttpContext context, ApiVersion version)
    {
        var fields = new QueryArgs(context, "fields").StringList("fields");
        if (fields?.Contains("owner") == true && !version.Allows(AllocationFields.OwnerSince))
        {
            throw ApiFault.NotAcceptable();
        }

        return fields;
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        var version = Require(context, AllocationFields.Since, "allocations");
        _ = new QueryArgs(context);
        JsonObject body;
        if (context.RequestServices.GetRequiredService<ApiVersions>().ChecksAllocationBodyBySchema)
        {
            body = await AllocationBodySchema.ReadAsync(context).ConfigureAwait(false);
            AllocationBodySchema.Check(body, version);
        }
        else
        {
            body = await RequestBody.ReadObjectAsync(context, "allocation").ConfigureAwait(false);
            AllocationFields.Schema.Check("allocation", body, version);
        }

        ImmutableArray<string> traits = body["traits"] is JsonArray traitList ? [.. traitList.Select(t => Nodes.TraitRules.Check("allocation", t))] : [];

        var uuid = RequestBody.String(body, "uuid") is { Length: > 0 } given ? given : null;
        if (uuid is not null)
        {
            EnsureUuid(uuid);
        }

        if ((RequestBody.String(body, "owner") is not null || body.ContainsKey("owner")) && !version.Allows(AllocationFields.OwnerSince))
        {
            throw ApiFault.NotAcceptable();
        }

        var node = RequestBody.String(body, "node") is { Length: > 0 } named ? named : null;
        if (node is not null && !version.Allows(AllocationFields.BackfillSince))
        {
            throw new InvalidException("Cannot set node when creating an allocation in this API version");
        }

        var request = new AllocationCreateRequest
        {
            Uuid = uuid,
            Name = RequestBody.String(body, "name"),
            ResourceClass = RequestBody.String(body, "resource_class"),
            Traits = traits,
            CandidateNodes = Strings(body, "candidate_nodes"),
            Extra = JsonElements.FromNode(body["extra"]),
            Owner = RequestBody.String(body, "owner"),
            Node = node,
        };
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var created = s.Conductor.CreateAllocation(request);
            var json = AllocationFields.Render(created, version, baseUrl);
            if (node is null)
            {
                // Ironic answers with the allocation its API created; the worker it spawned decides after.
                json["state"] = "allocating";
                json["node_uuid"] = null;
                json["last_error"] = null;
                json["updated_at"] = null;
            }

            return json;
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/allocations/{answer["uuid"]}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static ImmutableArray<string> Strings(JsonObject body, string name) =>
        body[name] is JsonArray items ? [.. items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw ApiFault.BadRequest($"Schema error for allocation: {PythonRepr.Of(i)} is not of type 'string'"))] : [];

    private static async Task Update(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = Require(context, AllocationFields.UpdateSince, "updating allocations");
        _ = new QueryArgs(context);
        var document = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var operations = JsonPatch.Parse(document);
        JsonPatch.EnsureAllowed(operations, Patchable);

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var allocation = s.Conductor.GetAllocation(ident);
            var after = JsonPatch.Apply(new JsonObject { ["name"] = allocation.Name, ["extra"] = JsonElements.ToNode(allocation.Extra) }, operations);
            AllocationFields.Schema.Check("allocation", after, version);
            var updated = s.Conductor.UpdateAllocation(allocation.Uuid, RequestBody.String(after, "name"), JsonElements.FromNode(after["extra"] ?? new JsonObject()));
            return AllocationFields.Render(updated, version, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        Require(context, AllocationFields.Since, "allocations");
        _ = new QueryArgs(context);
        EnsureIdent(ident, "allocation_ident");
        await loop.Run(s =>
        {
            s.Conductor.DeleteAllocation(ident);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    private static async Task DeleteOfNode(HttpContext context, ConductorLoop loop, string node)
    {
        context.RequireEndpoint(AllocationFields.Since);
        _ = new QueryArgs(context);
        await loop.Run(s =>
        {
            s.Conductor.DeleteNodeAllocation(node);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>A node named in a query: unknown is 400, as Ironic's API changes <c>NodeNotFound</c>'s code there.</summary>
    private static string NodeUuid(Conductor conductor, string ident)
    {
        try
        {
            return conductor.GetNode(ident).Uuid;
        }
        catch (NodeNotFoundException)
        {
            throw new NodeNotFoundException(ident, $"Node {ident} could not be found.", 400);
        }
    }

    private static void EnsureIdent(string ident, string name)
    {
        if (!Guid.TryParse(ident, out _) && !IronicCore.Nodes.NodeNames.IsValid(ident))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for {name}: {ident}");
        }
    }

    private static void EnsureUuid(string uuid)
    {
        if (!Guid.TryParse(uuid, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for uuid: {uuid}");
        }
    }
}
