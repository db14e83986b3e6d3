using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using IronicCore.Api.Patch;
using IronicCore.InspectionRules;

namespace IronicCore.Api.InspectionRules;

/// <summary>
/// Ironic master's <c>create_request_body</c> schema for inspection rules, checked in
/// jsonschema's order (the schema's keywords and properties as written; the first error wins)
/// with jsonschema's messages.
/// </summary>
internal static class InspectionRuleSchema
{
    private static readonly string[] Properties = ["actions", "conditions", "description", "phase", "priority", "sensitive", "uuid"];
    private static readonly string[] Multiple = ["any", "all", "first", "last"];

    private static readonly string[] ActionOps = [.. InspectionRulePlugins.Actions];

    /// <summary>The condition <c>op</c> values the schema accepts: every operator, then each inverted with <c>!</c>.</summary>
    private static readonly string[] ConditionOps = [.. InspectionRulePlugins.Operators, .. InspectionRulePlugins.Operators.Select(o => "!" + o)];

    /// <summary>Refuses a rule document the schema refuses: 400 <c><paramref name="prefix"/>message</c>.</summary>
    /// <param name="body">The request body, or the patched rule.</param>
    /// <param name="prefix">"Schema error: " for a request body, "Schema error for patch: " for a patched rule.</param>
    public static void Check(JsonNode? body, string prefix)
    {
        if (Error(body) is { } message)
        {
            throw ApiFault.BadRequest(prefix + message);
        }
    }

    private static string? Error(JsonNode? body)
    {
        if (body is not JsonObject rule)
        {
            return NotOfType(body, "object");
        }

        foreach (var name in Properties)
        {
            if (rule.TryGetPropertyValue(name, out var value) && Property(name, value) is { } error)
            {
                return error;
            }
        }

        if (!rule.ContainsKey("actions"))
        {
            return "'actions' is a required property";
        }

        var extra = rule.Select(p => p.Key).Where(k => !Properties.Contains(k)).ToList();
        return extra.Count == 0
            ? null
            : $"Additional properties are not allowed ({string.Join(", ", extra.Select(e => $"'{e}'"))} {(extra.Count == 1 ? "was" : "were")} unexpected)";
    }

    private static string? Property(string name, JsonNode? value) => name switch
    {
        "actions" => Steps(value, minItems: 1, item => Step(item, ActionOps, conditions: false)),
        "conditions" => Steps(value, minItems: 0, item => Step(item, ConditionOps, conditions: true)),
        "description" => NullableString(value, 255),
        "phase" => NullableString(value, 16),
        "priority" => !IsInteger(value) ? NotOfType(value, "integer") : Number(value!) < 0 ? $"{PythonRepr.Of(value)} is less than the minimum of 0" : null,
        "sensitive" => value is null || Kind(value) is JsonValueKind.True or JsonValueKind.False ? null : NotOfType(value, "boolean", "null"),
        _ => value is null || Kind(value) == JsonValueKind.String ? null : NotOfType(value, "string", "null"),
    };

    private static string? Steps(JsonNode? value, int minItems, Func<JsonNode?, string?> item)
    {
        if (value is not JsonArray list)
        {
            return NotOfType(value, "array");
        }

        return list.Count < minItems ? $"{PythonRepr.Of(list)} should be non-empty" : list.Select(item).FirstOrDefault(e => e is not null);
    }

    private static string? Step(JsonNode? item, string[] ops, bool conditions)
    {
        if (item is not JsonObject step)
        {
            return NotOfType(item, "object");
        }

        foreach (var required in new[] { "op", "args" })
        {
            if (!step.ContainsKey(required))
            {
                return $"'{required}' is a required property";
            }
        }

        if (step["op"] is not JsonValue op || !op.TryGetValue<string>(out var name) || !ops.Contains(name))
        {
            return $"{PythonRepr.Of(step["op"])} is not one of {PythonRepr.Of(new JsonArray([.. ops.Select(o => (JsonNode)o)]))}";
        }

        if (ArrayOrObject(step["args"]) is { } args)
        {
            return args;
        }

        if (conditions && step.TryGetPropertyValue("multiple", out var multiple)
            && (multiple is not JsonValue m || !m.TryGetValue<string>(out var how) || !Multiple.Contains(how)))
        {
            return $"{PythonRepr.Of(multiple)} is not one of ['any', 'all', 'first', 'last']";
        }

        return step.TryGetPropertyValue("loop", out var loop) ? ArrayOrObject(loop) : null;
    }

    private static string? ArrayOrObject(JsonNode? value) => value is JsonArray or JsonObject ? null : NotOfType(value, "array", "object");

    private static string? NullableString(JsonNode? value, int maxLength) => value switch
    {
        null => null,
        JsonValue text when text.TryGetValue<string>(out var s) => s.Length > maxLength ? $"{PythonRepr.Of(value)} is too long" : null,
        _ => NotOfType(value, "string", "null"),
    };

    /// <summary>jsonschema's integer: a number with no fraction, never a boolean.</summary>
    private static bool IsInteger(JsonNode? value) =>
        value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && Number(number) is var d && decimal.Truncate(d) == d;

    /// <summary>A JSON number's value, however the node was made (parsed or built).</summary>
    public static decimal Number(JsonNode value) =>
        decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonValueKind Kind(JsonNode value) => value.GetValueKind();

    private static string NotOfType(JsonNode? value, params string[] types) =>
        $"{PythonRepr.Of(value)} is not of type {string.Join(", ", types.Select(t => $"'{t}'"))}";
}
