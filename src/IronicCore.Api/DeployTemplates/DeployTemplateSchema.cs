using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Api.Runbooks;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Api.DeployTemplates;

/// <summary>
/// Ironic's <c>TEMPLATE_SCHEMA</c> with <c>DEPLOY_STEP_SCHEMA</c>, the duplicate-step rule and the
/// UUID check (<c>TEMPLATE_VALIDATOR</c>), errors worded and ordered as jsonschema's best match
/// gives them (the shallowest first), as 21.4, 2025.1 and master check a template alike.
/// </summary>
internal static class DeployTemplateSchema
{
    private static readonly string[] Properties = ["description", "extra", "name", "steps", "uuid"];

    private static readonly string[] StepProperties = ["args", "interface", "priority", "step"];

    /// <summary>Checks a template document; nothing is stored.</summary>
    /// <param name="body">The template as created, or as a patch left it.</param>
    /// <param name="schema">The name Ironic's messages give it: <c>template</c> or <c>patch</c>.</param>
    /// <param name="release">The release, whose step interfaces and duplicate wording apply.</param>
    public static void Check(JsonObject body, string schema, IronicRelease release)
    {
        foreach (var required in new[] { "steps", "name" })
        {
            if (!body.ContainsKey(required))
            {
                throw RunbookSchema.Error(schema, $"'{required}' is a required property");
            }
        }

        RunbookSchema.Additional(schema, body, Properties);
        RunbookSchema.Text(schema, body["description"]);
        RunbookSchema.TypeOf(schema, body["extra"], "object", nullable: true);
        TraitRules.Check(schema, body["name"]);
        if (body["steps"] is not JsonArray steps)
        {
            throw RunbookSchema.Error(schema, $"{PythonRepr.Of(body["steps"])} is not of type 'array'");
        }

        if (steps.Count == 0)
        {
            throw RunbookSchema.Error(schema, "[] is too short");
        }

        RunbookSchema.TypeOf(schema, body["uuid"], "string", nullable: true);
        foreach (var step in steps)
        {
            StepShape(schema, step);
        }

        foreach (var step in steps)
        {
            StepFields(schema, (JsonObject)step!, release);
        }

        RunbookSchema.Duplicates(steps, release == IronicRelease.Release21_4 ? "A deploy template" : "A template");
        if (body["uuid"] is JsonValue uuid && !Guid.TryParse(uuid.GetValue<string>(), out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for uuid: {uuid.GetValue<string>()}");
        }
    }

    /// <summary>One step alone (<c>DEPLOY_STEP_SCHEMA</c>), as a patch's steps are checked first.</summary>
    public static void CheckStep(string schema, JsonNode? step, IronicRelease release)
    {
        StepShape(schema, step);
        StepFields(schema, (JsonObject)step!, release);
    }

    /// <summary>The steps as Ironic's database stores them: <c>priority</c> an integer, <c>args</c> an object.</summary>
    public static ImmutableArray<StepRequest> Steps(JsonArray steps) =>
        [.. steps.Select(s => (JsonObject)s!).Select(s => new StepRequest(
            s["interface"]!.GetValue<string>(),
            s["step"]!.GetValue<string>(),
            JsonElements.ToElement((JsonObject)s["args"]!),
            s["priority"]!.GetValueKind() == JsonValueKind.String
                ? int.Parse(s["priority"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                : s["priority"]!.GetValue<int>()))];

    private static void StepShape(string schema, JsonNode? step)
    {
        if (step is not JsonObject fields)
        {
            throw RunbookSchema.Error(schema, $"{PythonRepr.Of(step)} is not of type 'object'");
        }

        foreach (var required in new[] { "interface", "step", "args", "priority" })
        {
            if (!fields.ContainsKey(required))
            {
                throw RunbookSchema.Error(schema, $"'{required}' is a required property");
            }
        }

        RunbookSchema.Additional(schema, fields, StepProperties);
    }

    private static void StepFields(string schema, JsonObject step, IronicRelease release)
    {
        RunbookSchema.TypeOf(schema, step["args"], "object", nullable: false);
        var interfaces = StepOrder.Interfaces(release);
        if (step["interface"] is not JsonValue face || face.GetValueKind() != JsonValueKind.String)
        {
            throw RunbookSchema.Error(schema, $"{PythonRepr.Of(step["interface"])} is not of type 'string'");
        }

        if (!interfaces.Contains(face.GetValue<string>()))
        {
            throw RunbookSchema.Error(schema, $"{PythonRepr.Of(face)} is not one of [{string.Join(", ", interfaces.Select(i => $"'{i}'"))}]");
        }

        RunbookSchema.Order(schema, step["priority"]);
        if (step["step"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            throw RunbookSchema.Error(schema, $"{PythonRepr.Of(step["step"])} is not of type 'string'");
        }

        if (name.GetValue<string>().Length == 0)
        {
            throw RunbookSchema.Error(schema, "'' is too short");
        }
    }
}
