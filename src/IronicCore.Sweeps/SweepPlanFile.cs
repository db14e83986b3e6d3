using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Fleet;

namespace IronicCore.Sweeps;

/// <summary>
/// Reads a sweep plan file strictly (docs/sweeps.md): each problem is refused with the JSON path of
/// the key or value at fault (<c>$.parameters[1].values[0]</c>), and a value a parameter takes is
/// checked by setting it in the base scenario and reading that back as fleet's scenario reader does.
/// </summary>
internal static class SweepPlanFile
{
    /// <summary>The keys of a plan, in the order the normalized plan writes them.</summary>
    public static readonly ImmutableArray<string> Keys = ["scenario", "parameters", "policies", "replications", "seed"];

    /// <summary>The keys of a parameter.</summary>
    public static readonly ImmutableArray<string> ParameterKeys = ["path", "values"];

    /// <exception cref="FormatException">The plan's first problem, with its JSON path.</exception>
    public static SweepPlan Parse(string text, string? baseDirectory)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw Bad("$", "a sweep plan is a JSON object");
        }
        catch (JsonException error)
        {
            throw new FormatException($"not valid JSON: {error.Message}", error);
        }

        CheckKeys(root, "$", Keys, "a sweep plan's keys are");
        var scenario = Scenario(root["scenario"] ?? throw Bad("$.scenario", "missing; a fleet scenario object, or the path of a fleet scenario file relative to the plan"), baseDirectory);
        var seed = root["seed"] is { } seedNode
            ? (seedNode is JsonValue seedValue && seedValue.TryGetValue<ulong>(out var s) ? s : throw Bad("$.seed", $"takes a whole number from 0 to 18446744073709551615, not {seedNode.ToJsonString()}"))
            : scenario.Seed;
        scenario = scenario with { Seed = seed };
        var replications = root["replications"] is { } replicationsNode
            ? (replicationsNode is JsonValue r && r.TryGetValue<int>(out var n) && n is >= 1 and <= SweepPlan.MaxReplications
                ? n
                : throw Bad("$.replications", $"takes a whole number from 1 to {SweepPlan.MaxReplications:N0}, not {replicationsNode.ToJsonString()}"))
            : throw Bad("$.replications", "missing; how many replications of every point (1 or more)");
        var policies = Policies(root["policies"] ?? throw Bad("$.policies", $"missing; a list of policy names from: {string.Join(", ", SweepPolicies.Names)}"));
        var normalized = scenario.ToJson();
        var parameters = Parameters(root["parameters"], normalized);
        long cells = replications;
        foreach (var parameter in parameters)
        {
            cells *= parameter.Values.Length;
            if (cells > SweepPlan.MaxCells)
            {
                throw Bad("$.parameters", string.Create(CultureInfo.InvariantCulture, $"the plan makes more than {SweepPlan.MaxCells:N0} cells (points × replications)"));
            }
        }

        return new SweepPlan(scenario, normalized, parameters, policies, replications, seed, (int)cells);
    }

    private static FleetScenario Scenario(JsonNode node, string? baseDirectory)
    {
        if (node is JsonObject inline)
        {
            try
            {
                return FleetScenario.Parse(inline.ToJsonString());
            }
            catch (FormatException error)
            {
                // Fleet's reader names paths from its file's root; here that root is $.scenario.
                throw new FormatException(error.Message.StartsWith('$') ? $"$.scenario{error.Message[1..]}" : $"$.scenario: {error.Message}", error);
            }
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw Bad("$.scenario", $"takes a fleet scenario object or the path of a fleet scenario file, not {node.ToJsonString()}");
        }

        var file = node.GetValue<string>();
        if (baseDirectory is null)
        {
            throw Bad("$.scenario", $"\"{file}\": a normalized plan holds its scenario inline");
        }

        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(baseDirectory, file));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Bad("$.scenario", $"{file}: {error.Message}");
        }

        try
        {
            return FleetScenario.Parse(text);
        }
        catch (FormatException error)
        {
            throw Bad("$.scenario", $"{file}: {error.Message}");
        }
    }

    private static ImmutableArray<string> Policies(JsonNode node)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in node as JsonArray ?? throw Bad("$.policies", $"takes a list of policy names, not {node.ToJsonString()}"))
        {
            var at = $"$.policies[{index++}]";
            var name = item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : throw Bad(at, $"takes a policy name, not {item?.ToJsonString() ?? "null"}");
            if (SweepPolicies.Factory(name) is null)
            {
                throw Bad(at, $"unknown policy \"{name}\"; known: {string.Join(", ", SweepPolicies.Names)}");
            }

            if (names.Contains(name))
            {
                throw Bad(at, $"policy \"{name}\" is named twice");
            }

            names.Add(name);
        }

        return names.Count > 0 ? names.ToImmutable() : throw Bad("$.policies", "needs one policy or more");
    }

    private static ImmutableArray<SweepParameter> Parameters(JsonNode? node, JsonObject scenario)
    {
        var parameters = ImmutableArray.CreateBuilder<SweepParameter>();
        if (node is null)
        {
            return [];
        }

        var index = 0;
        foreach (var item in node as JsonArray ?? throw Bad("$.parameters", $"takes a list of {{\"path\", \"values\"}} objects, not {node.ToJsonString()}"))
        {
            var at = $"$.parameters[{index++}]";
            var parameter = item as JsonObject ?? throw Bad(at, $"takes an object with keys path and values, not {item?.ToJsonString() ?? "null"}");
            CheckKeys(parameter, at, ParameterKeys, "a parameter's keys are");
            var path = parameter["path"] is { } p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : throw Bad($"{at}.path", $"takes the path of a scenario field, e.g. \"workload.utilization\", not {parameter["path"]?.ToJsonString() ?? "nothing"}");
            if (path is "seed" or "ironic_release")
            {
                throw Bad($"{at}.path", path == "seed"
                    ? "\"seed\" is not swept: the plan's seed and replications give every cell's seed"
                    : "\"ironic_release\" is not swept: a release changes which options exist; run one plan per release");
            }

            if (parameters.Any(other => other.Path == path))
            {
                throw Bad($"{at}.path", $"\"{path}\" is swept twice");
            }

            var values = parameter["values"] as JsonArray ?? throw Bad($"{at}.values", $"takes a list of one value or more, not {parameter["values"]?.ToJsonString() ?? "nothing"}");
            if (values.Count == 0)
            {
                throw Bad($"{at}.values", "needs one value or more");
            }

            var elements = ImmutableArray.CreateBuilder<JsonElement>();
            for (var i = 0; i < values.Count; i++)
            {
                var value = JsonSerializer.SerializeToElement(values[i]);
                if (elements.Any(other => JsonElement.DeepEquals(other, value)))
                {
                    throw Bad($"{at}.values[{i}]", $"{value.GetRawText()} is listed twice");
                }

                Check(scenario, path, value, $"{at}.path", $"{at}.values[{i}]");
                elements.Add(value);
            }

            parameters.Add(new SweepParameter(path, elements.ToImmutable()));
        }

        return parameters.ToImmutable();
    }

    /// <summary>Sets <paramref name="value"/> at <paramref name="path"/> in a copy of the scenario and reads it back as a fleet scenario.</summary>
    private static void Check(JsonObject scenario, string path, JsonElement value, string pathAt, string valueAt)
    {
        var copy = (JsonObject)scenario.DeepClone();
        if (SweepPath.TrySet(copy, path, JsonNode.Parse(value.GetRawText())) is { } problem)
        {
            throw Bad(pathAt, $"\"{path}\" {problem}");
        }

        try
        {
            if (FleetScenario.Parse(copy.ToJsonString()).Problems() is { Length: > 0 } problems)
            {
                throw Bad(valueAt, $"{value.GetRawText()} at {path}: {string.Join("; ", problems)}");
            }
        }
        catch (FormatException error) when (!error.Message.StartsWith(valueAt, StringComparison.Ordinal))
        {
            throw Bad(valueAt, $"{value.GetRawText()} at {path}: {error.Message}");
        }
    }

    private static void CheckKeys(JsonObject node, string path, ImmutableArray<string> known, string keysAre)
    {
        foreach (var (key, _) in node)
        {
            if (!known.Contains(key))
            {
                throw Bad($"{path}.{key}", $"unknown key; {keysAre} {string.Join(", ", known)} (see docs/sweeps.md)");
            }
        }
    }

    private static FormatException Bad(string path, string problem) => new($"{path}: {problem}");
}
