using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Chassis;

/// <summary>
/// Chassis (every version): list, detail, show, create, JSON patch, delete (refused while nodes
/// belong to it), and the nodes of a chassis (<c>/v1/chassis/{uuid}/nodes</c>), as Ironic's
/// <c>ChassisController</c>.
/// </summary>
internal static class ChassisEndpoints
{
    private static readonly string[] ListArgs = ["marker", "limit", "sort_key", "sort_dir", "fields", "detail"];

    // Chassis columns a list may sort by (Ironic refuses extra; anything else is no column).
    private static readonly string[] SortKeys = ["id", "uuid", "description", "created_at", "updated_at"];

    private static readonly string[] Unsortable = ["extra"];

    // The schema's properties, in its order (Ironic's patch_validate_allowed_fields).
    private static readonly string[] Patchable = ["uuid", "extra", "description"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/chassis", (HttpContext context, ConductorLoop loop) => List(context, loop, detailPath: false));
        routes.MapGet("/v1/chassis/detail", (HttpContext context, ConductorLoop loop) => List(context, loop, detailPath: true));
        routes.MapGet("/v1/chassis/{uuid}", Show);
        routes.MapPost("/v1/chassis", Create);
        routes.MapMethods("/v1/chassis/{uuid}", ["PATCH"], Update);
        routes.MapDelete("/v1/chassis/{uuid}", Delete);
        routes.MapGet("/v1/chassis/{uuid}/nodes", (HttpContext context, ConductorLoop loop, string uuid) => Nodes(context, loop, uuid, detail: false));
        routes.MapGet("/v1/chassis/{uuid}/nodes/detail", (HttpContext context, ConductorLoop loop, string uuid) => Nodes(context, loop, uuid, detail: true));
    }

    private static async Task List(HttpContext context, ConductorLoop loop, bool detailPath)
    {
        var query = new QueryArgs(context, detailPath ? ["marker", "limit", "sort_key", "sort_dir"] : ListArgs);
        var marker = query["marker"];
        if (marker is not null && !Guid.TryParse(marker, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for marker: {marker}");
        }

        var limit = Paging.Limit(query.Int("limit"));
        var fields = query.StringList("fields");
        var detail = query.Bool("detail");
        var shown = detailPath ? null : Paging.ReturnFields(fields, detail == true, ChassisFields.ListDefault);
        var sortDir = Paging.SortDirection(query["sort_dir"]);
        var sortKey = Paging.SortKey(query["sort_key"], SortKeys, Unsortable);

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var all = s.Conductor.Chassis;
            if (marker is not null && !all.Any(c => string.Equals(c.Uuid, marker, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ChassisNotFoundException(marker);
            }

            var chassis = sortKey == "id" ? [.. all] : all.OrderBy(c => SortValue(c, sortKey), StringComparer.Ordinal).ToList();
            if (sortDir == "desc")
            {
                chassis.Reverse();
            }

            var page = Paging.Page(chassis, c => c.Uuid, limit, marker, m => new ChassisNotFoundException(m));
            var result = new JsonObject { ["chassis"] = new JsonArray([.. page.Select(c => (JsonNode)ChassisFields.Render(c, baseUrl, shown))]) };
            var path = detailPath ? "chassis/detail" : "chassis";
            if (Paging.Next(baseUrl, path, page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static string? SortValue(IronicCore.Resources.ChassisView chassis, string key) => key switch
    {
        "uuid" => chassis.Uuid,
        "description" => chassis.Description,
        "created_at" => chassis.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => chassis.UpdatedAt?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string uuid)
    {
        var query = new QueryArgs(context, "fields");
        EnsureUuid(uuid);
        var fields = query.StringList("fields");
        if (fields is not null && !context.Version().Allows(8))
        {
            throw ApiFault.NotAcceptable();
        }

        var baseUrl = Links.BaseUrl(context);
        var chassis = await loop.Run(s => ChassisFields.Render(s.Conductor.GetChassis(uuid), baseUrl, fields)).ConfigureAwait(false);
        await Respond.Json(context, chassis).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "chassis").ConfigureAwait(false);
        ChassisFields.Schema.Check("chassis", body, context.Version());
        var uuid = RequestBody.String(body, "uuid") is { Length: > 0 } given ? given : null;
        if (uuid is not null)
        {
            EnsureUuid(uuid, "uuid");
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
            ChassisFields.Render(s.Conductor.CreateChassis(uuid, RequestBody.String(body, "description"), JsonElements.FromNode(body["extra"])), baseUrl)).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/chassis/{answer["uuid"]}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string uuid)
    {
        _ = new QueryArgs(context);
        var document = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var operations = JsonPatch.Parse(document);
        JsonPatch.EnsureAllowed(operations, Patchable);

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var chassis = s.Conductor.GetChassis(uuid);
            var after = JsonPatch.Apply(
                new JsonObject { ["uuid"] = chassis.Uuid, ["description"] = chassis.Description, ["extra"] = JsonElements.ToNode(chassis.Extra) },
                operations);
            ChassisFields.Schema.Check("chassis", after, context.Version());
            if (RequestBody.String(after, "uuid") is { } newUuid && !string.Equals(newUuid, chassis.Uuid, StringComparison.OrdinalIgnoreCase))
            {
                // Ironic's object refuses to change a UUID once it is set.
                throw new InvalidParameterValueException("Cannot overwrite UUID for an existing Chassis.");
            }

            var updated = s.Conductor.UpdateChassis(chassis.Uuid, RequestBody.String(after, "description"), JsonElements.FromNode(after["extra"] ?? new JsonObject()));
            return ChassisFields.Render(updated, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string uuid)
    {
        _ = new QueryArgs(context);
        EnsureUuid(uuid);
        await loop.Run(s =>
        {
            s.Conductor.DeleteChassis(uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>The node list (or detail) filtered to the chassis, as Ironic's <c>NodesController</c> under a chassis.</summary>
    private static Task Nodes(HttpContext context, ConductorLoop loop, string uuid, bool detail)
    {
        if (context.Request.Query.ContainsKey("chassis_uuid"))
        {
            throw ApiFault.BadRequest("Unexpected arguments: chassis_uuid");
        }

        EnsureUuid(uuid, "chassis_uuid");
        context.Request.QueryString = context.Request.QueryString.Add("chassis_uuid", uuid);
        return NodeEndpoints.List(context, loop, detail);
    }

    private static void EnsureUuid(string uuid, string name = "chassis_uuid")
    {
        if (!Guid.TryParse(uuid, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for {name}: {uuid}");
        }
    }
}
