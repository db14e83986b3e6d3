using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Hosting;
using IronicCore.Api.Http;
using IronicCore.Api.Patch;
using IronicCore.Api.Versioning;
using IronicCore.DeployTemplates;
using IronicCore.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IronicCore.Api.DeployTemplates;

/// <summary>
/// Deploy templates (1.55): list, show (by UUID or name), create, update, delete, as Ironic's
/// <c>DeployTemplatesController</c>; stored in the conductor, which deployments read them from.
/// </summary>
internal static class DeployTemplateEndpoints
{
    public const int Since = 55;

    private static readonly string[] ListArgs = ["marker", "limit", "sort_key", "sort_dir", "fields", "detail"];

    // Template columns a list may sort by (Ironic refuses extra and steps; anything else is no column).
    private static readonly string[] SortKeys = ["id", "uuid", "name", "created_at", "updated_at"];

    private static readonly string[] Unsortable = ["extra", "steps"];

    private static readonly string[] Patchable = ["extra", "name", "steps", "description"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/deploy_templates", List);
        routes.MapGet("/v1/deploy_templates/{ident}", Show);
        routes.MapPost("/v1/deploy_templates", Create);
        routes.MapMethods("/v1/deploy_templates/{ident}", ["PATCH"], Update);
        routes.MapDelete("/v1/deploy_templates/{ident}", Delete);
    }

    /// <summary>Below 1.55 deploy templates do not exist: 404 for a GET, 405 for the other methods, as Ironic's <c>_route</c> answers.</summary>
    private static void Require(HttpContext context)
    {
        if (!context.Version().Allows(Since))
        {
            var status = HttpMethods.IsGet(context.Request.Method) ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed;
            throw new RouterFault(status, "The API version does not allow deploy templates");
        }
    }

    private static async Task List(HttpContext context, ConductorLoop loop)
    {
        Require(context);
        var query = new QueryArgs(context, ListArgs);
        var fields = query.StringList("fields");
        var detail = query.Bool("detail");
        var shown = Paging.ReturnFields(fields, detail == true, DeployTemplateFields.ListDefault);
        var limit = Paging.Limit(query.Int("limit"));
        var sortDir = Paging.SortDirection(query["sort_dir"]);
        var sortKey = Paging.SortKey(query["sort_key"], SortKeys, Unsortable);

        var marker = query["marker"];
        if (marker is not null && !IronicCore.Nodes.NodeNames.IsValid(marker))
        {
            throw ApiFault.BadRequest($"Expected name for marker: {marker}");
        }

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var templates = s.Conductor.DeployTemplates.ToList();
            if (marker is not null && !templates.Exists(t => string.Equals(t.Uuid, marker, StringComparison.OrdinalIgnoreCase)))
            {
                // Ironic reads the marker by UUID (get_by_uuid), whatever the name check let through.
                throw new DeployTemplateNotFoundException(marker);
            }

            if (sortKey != "id")
            {
                templates = [.. templates.OrderBy(t => SortValue(t, sortKey), StringComparer.Ordinal)];
            }

            if (sortDir == "desc")
            {
                templates.Reverse();
            }

            var page = Paging.Page(templates, t => t.Uuid, limit, marker, m => new DeployTemplateNotFoundException(m));
            var result = new JsonObject { ["deploy_templates"] = new JsonArray([.. page.Select(t => (JsonNode)DeployTemplateFields.Render(t, baseUrl, shown))]) };
            if (Paging.Next(baseUrl, "deploy_templates", page.Count, limit, sortKey, sortDir, detail, shown, page.LastOrDefault()?.Uuid ?? string.Empty) is { } next)
            {
                result["next"] = next;
            }

            return result;
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static string? SortValue(DeployTemplateView template, string key) => key switch
    {
        "uuid" => template.Uuid,
        "name" => template.Name,
        "created_at" => template.CreatedAt.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
        _ => template.UpdatedAt?.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task Show(HttpContext context, ConductorLoop loop, string ident)
    {
        Require(context);
        var query = new QueryArgs(context, "fields");
        EnsureIdent(ident);
        var fields = query.StringList("fields");
        var baseUrl = Links.BaseUrl(context);
        var template = await loop.Run(s => DeployTemplateFields.Render(s.Conductor.GetDeployTemplate(ident), baseUrl, fields)).ConfigureAwait(false);
        await Respond.Json(context, template).ConfigureAwait(false);
    }

    private static async Task Create(HttpContext context, ConductorLoop loop, ApiVersions versions)
    {
        Require(context);
        _ = new QueryArgs(context);
        var body = await RequestBody.ReadObjectAsync(context, "template").ConfigureAwait(false);
        DeployTemplateSchema.Check(body, "template", versions.Release);
        var baseUrl = Links.BaseUrl(context);
        var (uuid, answer) = await loop.Run(s =>
        {
            var template = s.Conductor.CreateDeployTemplate(Fields(body), RequestBody.String(body, "uuid"));
            return (template.Uuid, DeployTemplateFields.Render(template, baseUrl));
        }).ConfigureAwait(false);
        context.Response.Headers.Location = $"{baseUrl}/v1/deploy_templates/{uuid}";
        await Respond.Json(context, answer, StatusCodes.Status201Created).ConfigureAwait(false);
    }

    private static async Task Update(HttpContext context, ConductorLoop loop, ApiVersions versions, string ident)
    {
        Require(context);
        _ = new QueryArgs(context);
        EnsureIdent(ident);
        var document = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        var operations = JsonPatch.Parse(document);
        JsonPatch.EnsureAllowed(operations, Patchable);

        var baseUrl = Links.BaseUrl(context);
        var answer = await loop.Run(s =>
        {
            var template = s.Conductor.GetDeployTemplate(ident);
            var after = JsonPatch.Apply(Document(template), operations);
            foreach (var step in after["steps"] as JsonArray ?? [])
            {
                DeployTemplateSchema.CheckStep("patch", step, versions.Release);
            }

            DeployTemplateSchema.Check(after, "patch", versions.Release);
            var updated = s.Conductor.UpdateDeployTemplate(template.Uuid, Fields(after));
            return DeployTemplateFields.Render(updated, baseUrl);
        }).ConfigureAwait(false);
        await Respond.Json(context, answer).ConfigureAwait(false);
    }

    private static async Task Delete(HttpContext context, ConductorLoop loop, string ident)
    {
        Require(context);
        _ = new QueryArgs(context);
        EnsureIdent(ident);
        await loop.Run(s =>
        {
            s.Conductor.DeleteDeployTemplate(ident);
            return true;
        }).ConfigureAwait(false);
        await Respond.Empty(context, StatusCodes.Status204NoContent).ConfigureAwait(false);
    }

    /// <summary>What a patch applies to: the template as Ironic's object holds it (<c>as_dict</c>: no <c>description</c>).</summary>
    private static JsonObject Document(DeployTemplateView template) => new()
    {
        ["uuid"] = template.Uuid,
        ["name"] = template.Name,
        ["steps"] = new JsonArray([.. template.Steps.Select(s => (JsonNode)DeployTemplateFields.Step(s))]),
        ["extra"] = JsonElements.ToNode(template.Extra),
    };

    /// <summary>A checked document's fields (a null <c>extra</c> is <c>{}</c>; <c>description</c> goes nowhere, as in Ironic).</summary>
    private static DeployTemplateRequest Fields(JsonObject body) => new()
    {
        Name = body["name"]!.GetValue<string>(),
        Steps = DeployTemplateSchema.Steps((JsonArray)body["steps"]!),
        Extra = body["extra"] is JsonObject extra ? JsonElements.ToElement(extra) : null,
    };

    /// <summary>Ironic's <c>uuid_or_name</c> argument check.</summary>
    private static void EnsureIdent(string ident)
    {
        if (!Guid.TryParse(ident, out _) && !IronicCore.Nodes.NodeNames.IsValid(ident))
        {
            throw ApiFault.BadRequest($"Expected UUID or name for template_ident: {ident}");
        }
    }
}
