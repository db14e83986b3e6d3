using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IronicCore.Api.Errors;
using IronicCore.Api.Http;
using IronicCore.Api.Nodes;
using IronicCore.Api.Patch;
using IronicCore.Runbooks;
using IronicCore.States;
using StepOrder = IronicCore.Steps.StepOrder;

namespace IronicCore.Api.Runbooks;

/// <summary>
/// Ironic's runbook schemas (<c>RUNBOOK_SCHEMA</c>, from 1.112 <c>RUNBOOK_MUTATION_SCHEMA_V112</c>)
/// with the step schema, the duplicate-step rule and the UUID check, errors worded and ordered as
/// jsonschema's best match gives them (the shallowest first).
/// </summary>
internal static partial class RunbookSchema
{
    private const string NamePattern = @"^[A-Za-z0-9\-._~]+$";

    private static readonly string[] Properties = ["uuid", "name", "steps", "disable_ramdisk", "extra", "public", "owner", "description"];

    private static readonly string[] StepProperties = ["args", "interface", "step", "order"];

    /// <summary>Checks a runbook document; nothing is stored.</summary>
    /// <param name="body">The runbook as created, or as a patch left it.</param>
    /// <param name="schema">The name Ironic's messages give it: <c>runbook</c> or <c>patch</c>.</param>
    /// <param name="relaxed">1.112's schema: any URL-safe name, and <c>description</c>.</param>
    public static void Check(JsonObject body, string schema, bool relaxed)
    {
        foreach (var required in new[] { "steps", "name" })
        {
            if (!body.ContainsKey(required))
            {
                throw Error(schema, $"'{required}' is a required property");
            }
        }

        Additional(schema, body, relaxed ? Properties : Properties[..^1]);
        TypeOf(schema, body["uuid"], "string", nullable: true);
        if (relaxed)
        {
            Name(schema, body["name"]);
        }
        else
        {
            TraitRules.Check(schema, body["name"]);
        }

        if (body["steps"] is not JsonArray steps)
        {
            throw Error(schema, $"{PythonRepr.Of(body["steps"])} is not of type 'array'");
        }

        if (steps.Count == 0)
        {
            throw Error(schema, "[] is too short");
        }

        TypeOf(schema, body["disable_ramdisk"], "boolean", nullable: true);
        TypeOf(schema, body["extra"], "object", nullable: true);
        TypeOf(schema, body["public"], "boolean", nullable: true);
        Text(schema, body["owner"]);
        if (relaxed)
        {
            Text(schema, body["description"]);
        }

        foreach (var step in steps)
        {
            StepShape(schema, step);
        }

        foreach (var step in steps)
        {
            StepFields(schema, (JsonObject)step!);
        }

        Duplicates(steps);
        if (body["uuid"] is JsonValue uuid && !Guid.TryParse(uuid.GetValue<string>(), out _))
        {
            throw ApiFault.BadRequest($"Expected UUID for uuid: {uuid.GetValue<string>()}");
        }
    }

    /// <summary>One step alone (<c>RUNBOOK_STEP_SCHEMA</c>), as a patch's steps are checked first.</summary>
    public static void CheckStep(string schema, JsonNode? step)
    {
        StepShape(schema, step);
        StepFields(schema, (JsonObject)step!);
    }

    /// <summary>The steps as stored: <c>order</c> an integer, <c>args</c> an object.</summary>
    public static ImmutableArray<RunbookStep> Steps(JsonArray steps) =>
        [.. steps.Select(s => (JsonObject)s!).Select(s => new RunbookStep(
            s["interface"]!.GetValue<string>(),
            s["step"]!.GetValue<string>(),
            s["args"] is JsonObject args ? JsonElements.ToElement(args) : null,
            s["order"]!.GetValueKind() == JsonValueKind.String
                ? int.Parse(s["order"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                : s["order"]!.GetValue<int>()))];

    private static void StepShape(string schema, JsonNode? step)
    {
        if (step is not JsonObject fields)
        {
            throw Error(schema, $"{PythonRepr.Of(step)} is not of type 'object'");
        }

        foreach (var required in new[] { "interface", "step", "order" })
        {
            if (!fields.ContainsKey(required))
            {
                throw Error(schema, $"'{required}' is a required property");
            }
        }

        Additional(schema, fields, StepProperties);
    }

    private static void StepFields(string schema, JsonObject step)
    {
        TypeOf(schema, step["args"], "object", nullable: false, present: step.ContainsKey("args"));
        var interfaces = StepOrder.Interfaces(IronicRelease.Master);
        if (step["interface"] is not JsonValue face || face.GetValueKind() != JsonValueKind.String)
        {
            throw Error(schema, $"{PythonRepr.Of(step["interface"])} is not of type 'string'");
        }

        if (!interfaces.Contains(face.GetValue<string>()))
        {
            throw Error(schema, $"{PythonRepr.Of(face)} is not one of [{string.Join(", ", interfaces.Select(i => $"'{i}'"))}]");
        }

        if (step["step"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
        {
            throw Error(schema, $"{PythonRepr.Of(step["step"])} is not of type 'string'");
        }

        if (name.GetValue<string>().Length == 0)
        {
            throw Error(schema, "'' is too short");
        }

        Order(schema, step["order"]);
    }

    /// <summary>
    /// A step's <c>order</c> (a deploy step's <c>priority</c>): an integer from 0, or a string of
    /// digits. jsonschema's best match descends into the <c>anyOf</c> branch whose type the value has
    /// when that branch fails once (a negative integer, a string of other characters); otherwise
    /// (another type, or an empty string, which fails its branch twice) it names the <c>anyOf</c>, and
    /// Ironic adds the integer branch's type error as the root cause. Checked against a real Ironic
    /// 21.4 API (the same <c>args.schema</c> code and best-match rule as later releases).
    /// </summary>
    public static void Order(string schema, JsonNode? order)
    {
        var repr = PythonRepr.Of(order);
        var direct = order switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), CultureInfo.InvariantCulture, out var n) =>
                n >= 0 ? string.Empty : $"{repr} is less than the minimum of 0",
            JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0 =>
                Digits().IsMatch(v.GetValue<string>()) ? string.Empty : $"{repr} does not match '^[0-9]+$'",
            _ => null,
        };
        if (direct is { Length: > 0 })
        {
            throw Error(schema, direct);
        }

        if (direct is null)
        {
            throw Error(schema, $"{repr} is not valid under any of the given schemas. Possible root cause: {repr} is not of type 'integer'");
        }
    }

    private static void Name(string schema, JsonNode? name)
    {
        if (name is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw Error(schema, $"{PythonRepr.Of(name)} is not of type 'string'");
        }

        var text = value.GetValue<string>();
        var repr = PythonRepr.Of(name);
        var problem = text.Length == 0 ? $"{repr} is too short"
            : text.Length > 255 ? $"{repr} is too long"
            : !RelaxedName().IsMatch(text) ? $"{repr} does not match '{NamePattern.Replace(@"\", @"\\", StringComparison.Ordinal)}'"
            : null;
        if (problem is not null)
        {
            throw Error(schema, problem);
        }
    }

    public static void Text(string schema, JsonNode? value)
    {
        TypeOf(schema, value, "string", nullable: true);
        if (value is JsonValue text && text.GetValue<string>().Length > 255)
        {
            throw Error(schema, $"{PythonRepr.Of(value)} is too long");
        }
    }

    public static void TypeOf(string schema, JsonNode? value, string type, bool nullable, bool present = true)
    {
        if (!present || (value is null && nullable))
        {
            return;
        }

        var kind = value?.GetValueKind();
        var matches = type switch
        {
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            _ => kind == JsonValueKind.Object,
        };
        if (!matches)
        {
            throw Error(schema, $"{PythonRepr.Of(value)} is not of type '{type}'{(nullable ? ", 'null'" : string.Empty)}");
        }
    }

    public static void Additional(string schema, JsonObject body, string[] allowed)
    {
        var extra = body.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (extra.Count > 0)
        {
            throw Error(schema, $"Additional properties are not allowed ({string.Join(", ", extra.Select(e => $"'{e}'"))} {(extra.Count == 1 ? "was" : "were")} unexpected)");
        }
    }

    /// <summary>
    /// Ironic's <c>duplicate_steps</c>: an interface and step at most once (worded for deploy
    /// templates, whose check it is: 21.4 says "A deploy template", later releases "A template").
    /// </summary>
    public static void Duplicates(JsonArray steps, string owner = "A template")
    {
        var duplicates = steps.Select(s => (Interface: s!["interface"]!.GetValue<string>(), Step: s["step"]!.GetValue<string>()))
            .GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"interface: {g.Key.Interface}, step: {g.Key.Step}").ToList();
        if (duplicates.Count > 0)
        {
            throw ApiFault.BadRequest(
                $"Deploy template invalid: Duplicate deploy steps. {owner} cannot have multiple deploy steps with the same " +
                $"interface and step. Duplicates: {string.Join("; ", duplicates)}.");
        }
    }

    public static ApiFault Error(string schema, string message) => ApiFault.BadRequest($"Schema error for {schema}: {message}");

    [GeneratedRegex(NamePattern)]
    private static partial Regex RelaxedName();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();
}
