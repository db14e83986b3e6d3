using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.Errors;
using IronicCore.Runbooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.Runbooks;

/// <summary>
/// Runbooks (1.92): list, show (by UUID or name), create, update, delete. The caller is Ironic's
/// admin without a project (noauth, HTTP basic): it sees every runbook, and what it creates has no owner.
/// </summary>
internal static class RunbookEndpoints
{
    public const int Since = 92;

    private static readonly string[] ListArgs = ["marker", "limit", "sort_key", "sort_dir", "fields", "detail", "project"];

    // Runbook columns a list may sort by (Ironic refuses extra, steps and traits; anything else is no column).
    private static readonly string[] SortKeys = ["id", "uuid", "name", "description", "public", "owner", "disable_ramdisk", "created_at", "updated_at"];

    private static readonly string[] Unsortable = ["extra", "steps", "traits"];

    private static readonly string[] Patchable = ["disable_ramdisk", "extra", "name", "owner", "public", "steps"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/runbooks", List);
        routes.MapGet("/v1/runbooks/{ident}", Show);
        routes.MapPost("/v1/runbooks", Create);
        routes.MapMethods("/v1/runbooks/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/runbooks/{ident}", Delete);
        RunbookTraitEndpoints.Map(routes);
    }

    /// <summary>Below 1.92 runbooks do not exist: 404 for a GET, 405 for the other methods, as Ironic's controller answers.</summary>
    public static ApiVersion Require(HttpContext context, int since, string what)
    {
        var version = context.Version();
        if (version.Allows(since))
        {
            return version;
        }

        var status = HttpMethods.IsGet(context.Request.Method) || since != Since ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
        throw new RouterFault(status, $"The API version does not allow {what}");
    }

    private static async Task List(HttpContext context, ConductorLoop loop)
    {
        var version = Require(context, Since, "runbooks");
        var query = new QueryArgs(context, ListArgs);
        var fields = query.StringList("fields");
        var detail = query.Bool("detail");
        var onlyPublic = query.Bool("project") == true;
        var limit = Paging.Limit(query.Int("limit"));
        var sortDir = Paging.SortDirection(query["sort_dir"]);
        var shown = Paging.ReturnFields(fields, detail == true, RunbookFields.ListDefault);
        var sortKey = Paging.SortKey(query["sort_key"], SortKeys, Unsortable);

        var marker = query["marker"];
        if (marker is not null && !IronicCore.Nodes.NodeNames.IsValid(marker))
        {
            throw ApiFault.BadRequest($"Expected name for marker: {marker}");
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var all = s.Conductor.Runbooks;
            if (marker is not null && !all.Any(r => string.Equals(r.Uuid, marker, StringComparison.OrdinalIgnoreCase)))
            {
                throw new RunbookNotFoundException(marker);
            }

            // Ironic's project filter is the caller's project or public runbooks; this caller has no project.
            var runbooks = all.Where(r => !onlyPublic || r.Public).ToList();
            if (sortKey != "id")
            {
                runbooks = [.. runbooks.OrderBy(r => SortValue(r, sortKey), StringComparer.Ordinal)];
            }

            if (sortDir == "desc")
            {
                runbooks.Reverse();
            }

            var page = Paging.Page(runbooks, r => r.Uuid, limit, marker, m => new RunbookNotFoundException(m));
            var result = new JsonObject { ["runbooks"] = new JsonArray([.. page.Select(r => (JsonNode)RunbookFields.Render(r, version, baseUrl, shown))]) };
            if (Paging.Next(baseUrl, "runbooks", page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    // Ironic's order for the columns: ids by creation, booleans false first, nulls first.
    private static string? SortValue(RunbookView runbook, string key) => key switch
    {
        "uuid" => runbook.Uuid,
        "name" => runbook.Name,
        "description" => runbook.Description,
        "owner" => runbook.Owner,
        "public" => runbook.Public ? "1" : "0",
        "disable_ramdisk" => runbook.DisableRamdisk ? "1" : "0",
        "created_at" => runbook.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => runbook.UpdatedAt?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = Require(context, Since, "runbooks");
        var query = new QueryArgs(context, "fields");
        EnsureIdent(ident);
        var fields = query.StringList("fields");
        var baseUrl = Links.BaseUrl(context);
        var runbook = await loop.Run(s => RunbookFields.Render(s.Conductor.GetRunbook(ident), version, baseUrl, fields)).ConfigureAwait(false);
        await Respond.Json(context, runbook).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        var version = Require(context, Since, "runbooks");
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "runbook").ConfigureAwait(false);
        RunbookSchema.Check(body, "runbook", version.Allows(RunbookFields.TraitsSince));
        if (RequestBody.String(body, "owner") is { Length: > 0 })
        {
            // Ironic sets a runbook's owner to the creator's project, and this caller has none.
            throw ApiFault.BadRequest("Cannot create a runbook as a project scoped admin with an owner other than your own project.");
        }

        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var fields = Fields(body);
            var runbook = s.Conductor.CreateRunbook(new RunbookCreateRequest
            {
                Uuid = RequestBody.String(body, "uuid"),
                Name = fields.Name,
                Steps = fields.Steps,
                Description = fields.Description,
                DisableRamdisk = fields.DisableRamdisk,
                Extra = fields.Extra,
                Public = fields.Public,
            });
            return (runbook.Uuid, RunbookFields.Render(runbook, version, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/runbooks/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string ident)
    {
        var version = Require(context, Since, "runbooks");
        _ = new QueryArgs(context);
        EnsureIdent(ident);
        var document = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var operations = JsonPatch.Parse(document);
        var patchable = version.Allows(RunbookFields.TraitsSince) ? [.. Patchable, "description"] : Patchable;
        JsonPatch.EnsureAllowed(operations, patchable);

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var runbook = s.Conductor.GetRunbook(ident);
            var owners = Values(operations, "/owner");
            var publics = Values(operations, "/public");
            var makesPublic = publics.Count > 0 && IsTrue(publics[0]);
            if (owners.Count > 0 && ((runbook.Public && publics.Count == 0) || makesPublic))
            {
                throw ApiFault.BadRequest($"Couldn't apply patch '{PythonRepr.Of(document)}'. Reason: There cannot be an owner for a public runbook");
            }

            var before = Document(runbook);
            if (publics.Count > 0)
            {
                before["owner"] = null;
            }

            var after = JsonPatch.Apply(before, operations);
            foreach (var step in after["steps"] as JsonArray ?? [])
            {
                RunbookSchema.CheckStep("patch", step);
            }

            after.Remove("uuid");
            RunbookSchema.Check(after, "patch", relaxed: true);
            var updated = s.Conductor.UpdateRunbook(runbook.Uuid, Fields(after) with { Owner = RequestBody.String(after, "owner") });
            return RunbookFields.Render(updated, version, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        Require(context, Since, "runbooks");
        _ = new QueryArgs(context);
        EnsureIdent(ident);
        await loop.Run(s =>
        {
            s.Conductor.DeleteRunbook(ident);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>What a patch applies to: the runbook as Ironic's object holds it.</summary>
    private static JsonObject Document(RunbookView runbook) => new()
    {
        ["uuid"] = runbook.Uuid,
        ["name"] = runbook.Name,
        ["description"] = runbook.Description,
        ["steps"] = new JsonArray([.. runbook.Steps.Select(s => (JsonNode)RunbookFields.Step(s))]),
        ["disable_ramdisk"] = runbook.DisableRamdisk,
        ["extra"] = JsonElements.ToNode(runbook.Extra),
        ["public"] = runbook.Public,
        ["owner"] = runbook.Owner,
    };

    /// <summary>A checked document's fields, the owner aside (a null boolean or object is the default).</summary>
    private static RunbookUpdate Fields(JsonObject body) => new()
    {
        Name = body["name"]!.GetValue<string>(),
        Description = RequestBody.String(body, "description"),
        Steps = RunbookSchema.Steps((JsonArray)body["steps"]!),
        DisableRamdisk = IsTrue(body["disable_ramdisk"]),
        Extra = body["extra"] is JsonObject extra ? JsonElements.ToElement(extra) : null,
        Public = IsTrue(body["public"]),
    };

    private static bool IsTrue(JsonNode? value) => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>Ironic's <c>get_patch_values</c>: the values an add or replace gives the path.</summary>
    private static List<JsonNode?> Values(List<JsonObject> operations, string path) =>
        [.. operations.Where(o => JsonPatch.Path(o) == path && o["op"]!.GetValue<string>() != "remove").Select(o => o["value"])];

    /// <summary>Ironic's <c>uuid_or_name</c> argument check.</summary>
    public static void EnsureIdent(string ident)
    {
        if (!Guid.TryParse(ident, out _) && !IronicCore.Nodes.NodeNames.IsValid(ident))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for runbook_ident: {ident}");
        }
    }
}
