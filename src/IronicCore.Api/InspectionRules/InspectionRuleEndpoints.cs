using System.Globalization;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.InspectionRules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.InspectionRules;

/// <summary>
/// <c>/v1/inspection_rules</c> (1.96): create, list, show, JSON-patch and delete rules with
/// Ironic master's schema and answers; the conductor validates and keeps them (in its
/// snapshots too), and the simulated inspection does not apply them (see docs/api.md).
/// </summary>
internal static class InspectionRuleEndpoints
{
    private const int Since = 96;
    private const string TooOld = "The API version does not allow inspection rules";
    private static readonly string[] ListArgs = ["marker", "limit", "sort_key", "sort_dir", "fields", "detail", "phase"];
    private static readonly string[] NotNullable = ["uuid", "priority", "sensitive"];
    private static readonly string[] NotInSchema = ["id", "created_at", "updated_at", "scope"];
    private static readonly string[] SortKeys = ["id", "uuid", "priority", "description", "scope", "sensitive", "phase", "created_at", "updated_at"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/inspection_rules", List);
        routes.MapGet("/v1/inspection_rules/{uuid}", Show);
        routes.MapPost("/v1/inspection_rules", Create);
        routes.MapMethods("/v1/inspection_rules/{uuid}", ["PATCH"], Update);
        routes.MapDelete("/v1/inspection_rules/{uuid}", Delete);
    }

    private static async Task List(HttpContext context, ConductorLoop loop)
    {
        Require(context, StatusCodes.Status404NotFound);
        var query = new QueryArgs(context, ListArgs);
        var limitAsked = query.Int("limit");
        var fields = query.StringList("fields");
        var detail = query.Bool("detail");
        var sortDir = query["sort_dir"] ?? "asc";
        if (sortDir is not ("asc" or "desc"))
        {
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(sortDir)} is not one of ['asc', 'desc']");
        }

        var sortKey = query["sort_key"] ?? "id";
        if (sortKey is "actions" or "conditions")
        {
            throw ApiFault.BadRequest($"Schema error: '{sortKey}' should not be valid under {{'type': 'string', 'enum': ['actions', 'conditions']}}");
        }

        CheckAllowedFields(context.Version(), fields);
        CheckAllowedFields(context.Version(), [sortKey]);
        var shown = Paging.ReturnFields(fields, detail == true, InspectionRuleRenderer.ListDefault);
        var limit = Paging.Limit(limitAsked);
        var marker = query["marker"];
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var start = marker is null ? null : s.Conductor.GetInspectionRule(marker).Uuid;
            if (!SortKeys.Contains(sortKey))
            {
                throw Paging.InvalidSortKey(sortKey);
            }

            var ordered = s.Conductor.InspectionRules.Select((rule, id) => (Rule: rule, Id: id))
                .OrderBy(r => SortValue(r.Rule, r.Id, sortKey), StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
            if (sortDir == "desc")
            {
                ordered.Reverse();
            }

            var page = ordered.SkipWhile(r => start is not null && r.Rule.Uuid != start).Skip(start is null ? 0 : 1).Take(limit).ToList();
            var result = new JsonObject
            {
                ["inspection_rules"] = new JsonArray([.. page.Select(r => (JsonNode)InspectionRuleRenderer.Render(r.Rule, baseUrl, shown))]),
            };
            if (Paging.Next(baseUrl, "inspection", page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault().Rule?.Uuid ?? string.Empty, PhaseFilter(query["phase"])) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    /// <summary>
    /// The leading argument of Ironic's next link for this list (whose path is <c>inspection</c>):
    /// the <c>phase</c> filter as the Python dict Ironic puts there (it does not filter by it).
    /// </summary>
    private static string PhaseFilter(string? phase) =>
        $"filters={(string.IsNullOrEmpty(phase) ? "{}" : $"{{'phase': {PythonRepr.Of(phase)}}}")}&";

    private static string SortValue(InspectionRuleView rule, int id, string key) => key switch
    {
        "id" => id.ToString("D10", CultureInfo.InvariantCulture),
        "uuid" => rule.Uuid,
        "priority" => (rule.Priority + (1L << 62)).ToString("D20", CultureInfo.InvariantCulture),
        "description" => rule.Description is null ? string.Empty : "\u0001" + rule.Description,
        "sensitive" => rule.Sensitive ? "1" : "0",
        "phase" => rule.Phase is null ? string.Empty : "\u0001" + rule.Phase,
        "created_at" => rule.CreatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
        "updated_at" => rule.UpdatedAt is { } at ? "\u0001" + at.UtcTicks.ToString("D20", CultureInfo.InvariantCulture) : string.Empty,
        _ => string.Empty,
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string uuid)
    {
        Require(context, StatusCodes.Status404NotFound);
        var fields = new QueryArgs(context, "fields").StringList("fields");
        CheckUuid(uuid);
        var baseUrl = Links.BaseUrl(context);
        var version = context.Version();
        var answer = await loop.Run(s =>
        {
            var rule = s.Conductor.GetInspectionRule(uuid);
            CheckAllowedFields(version, fields);
            return InspectionRuleRenderer.Render(rule, baseUrl, fields);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop)
    {
        Require(context, StatusCodes.Status405MethodNotAllowed);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        InspectionRuleSchema.Check(body, "Schema error: ");
        var document = (JsonObject)body!;
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var fields = Fields(document);
            var rule = s.Conductor.CreateInspectionRule(new InspectionRuleCreateRequest
            {
                Uuid = document["uuid"]?.GetValue<string>(),
                Actions = fields.Actions,
                Conditions = fields.Conditions,
                Description = fields.Description,
                Priority = fields.Priority,
                Sensitive = fields.Sensitive,
                Phase = fields.Phase,
            });
            return (rule.Uuid, InspectionRuleRenderer.Render(rule, baseUrl, fields: null));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/inspection_rules/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, string uuid)
    {
        Require(context, StatusCodes.Status405MethodNotAllowed);
        _ = new QueryArgs(context);
        if (!Guid.TryParse(uuid, out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for inspection_rule_uuid: {uuid}");
        }

        var operations = JsonPatch.Parse(await RequestBody.ReadAsync(context).ConfigureAwait(false));
        var sensitive = operations.FirstOrDefault(o => JsonPatch.Path(o) == "/sensitive" && o["op"]!.GetValue<string>() != "remove");
        var unsetsSensitive = sensitive is not null && sensitive["value"] is { } flag && !Truthy(flag);
        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var rule = s.Conductor.GetInspectionRule(uuid);
            if (unsetsSensitive && rule.Sensitive)
            {
                throw ApiFault.BadRequest($"Couldn't apply patch '{PythonRepr.Of(new JsonArray([.. operations.Select(o => o.DeepClone())]))}'. Reason: Inspection rules cannot have the sensitive flag unset.");
            }

            var id = s.Conductor.InspectionRules.Select(r => r.Uuid).ToList().IndexOf(rule.Uuid) + 1;
            var patched = JsonPatch.Apply(InspectionRuleRenderer.Document(rule, id), operations);

            // Ironic drops what its schema does not know before checking the patched rule.
            foreach (var column in NotInSchema)
            {
                patched.Remove(column);
            }

            InspectionRuleSchema.Check(patched, "Schema error for patch: ");
            if (patched["uuid"]?.GetValue<string>() is { } newUuid && !Guid.TryParse(newUuid, out _))
            {
                throw ApiFault.BadRequest($"Expected UUID for uuid: {newUuid}");
            }

            foreach (var required in NotNullable)
            {
                if (patched[required] is null)
                {
                    // Ironic stores the patched fields on an object whose field refuses None.
                    throw new ApiFault(StatusCodes.Status500InternalServerError, $"Field `{required}' cannot be None");
                }
            }

            var fields = Fields(patched);
            var updated = s.Conductor.UpdateInspectionRule(rule.Uuid, fields with { Uuid = patched["uuid"]!.GetValue<string>() });
            return InspectionRuleRenderer.Render(updated, baseUrl, fields: null);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string uuid)
    {
        Require(context, StatusCodes.Status405MethodNotAllowed);
        _ = new QueryArgs(context);
        CheckUuid(uuid);
        await loop.Run(s =>
        {
            s.Conductor.DeleteInspectionRule(uuid);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>Below 1.96 Ironic's controller answers reads 404 and writes 405, both saying why.</summary>
    private static void Require(HttpContext context, int status)
    {
        if (!context.Version().Allows(Since))
        {
            throw new RouterFault(status, TooOld);
        }
    }

    /// <summary>
    /// Ironic's <c>check_allowed_fields</c>, which checks a rule's requested fields against the
    /// node's versioned fields: a node field newer than the request is 406.
    /// </summary>
    private static void CheckAllowedFields(ApiVersion version, IEnumerable<string>? names)
    {
        if (names?.Any(n => Nodes.NodeFields.ByName.TryGetValue(n, out var field) && !version.Allows(field.Since)) == true)
        {
            throw ApiFault.NotAcceptable();
        }
    }

    /// <summary>
    /// The fields of a rule document the schema accepted, the UUID aside; absent optional fields
    /// take Ironic's defaults. A priority beyond a long is as refused as any above 9999.
    /// </summary>
    private static InspectionRuleUpdate Fields(JsonObject document) => new()
    {
        Uuid = string.Empty,
        Description = document["description"]?.GetValue<string>(),
        Priority = document["priority"] is { } priority ? (long)decimal.Min(InspectionRuleSchema.Number(priority), long.MaxValue) : 0,
        Sensitive = document["sensitive"]?.GetValue<bool>() ?? false,
        Phase = document.ContainsKey("phase") ? document["phase"]?.GetValue<string>() : "main",
        Conditions = document["conditions"] is { } conditions ? JsonElements.ToElement(conditions) : null,
        Actions = JsonElements.ToElement(document["actions"]),
    };

    private static void CheckUuid(string uuid)
    {
        if (!Guid.TryParse(uuid, out _))
        {
            throw ApiFault.BadRequest($"Schema error: {PythonRepr.Of(uuid)} is not a 'uuid'");
        }
    }

    /// <summary>Python's truth of a JSON value.</summary>
    private static bool Truthy(JsonNode value) => value switch
    {
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.Null => false,
            System.Text.Json.JsonValueKind.String => v.GetValue<string>().Length > 0,
            System.Text.Json.JsonValueKind.Number => InspectionRuleSchema.Number(v) != 0,
            _ => true,
        },
        _ => true,
    };
}
