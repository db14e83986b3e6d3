using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.States;

namespace IronicCore.Steps;

/// <summary>
/// The API's schema for a user's steps (Ironic's <c>_CLEAN_STEPS_SCHEMA</c> and
/// <c>DEPLOY_STEP_SCHEMA</c>): which keys a step has, of which types, on which interfaces.
/// Typed <see cref="StepRequest"/>s are checked by <see cref="Check"/>; JSON from the wire is
/// read by <see cref="Read"/>, which remembers its first schema error for the conductor to
/// raise at the point Ironic's API does.
/// </summary>
internal static class StepSchema
{
    /// <summary>The keys with which a step runs on a node's child nodes (Ironic's <c>_STEPS_SCHEMA</c> since 2025.1).</summary>
    private static readonly string[] ChildNodeKeys = ["execute_on_child_nodes", "limit_child_node_execution"];

    /// <summary>The schema error of typed steps, or null.</summary>
    public static string? Check(ImmutableArray<StepRequest> steps, StepKind kind, IronicRelease release)
    {
        var interfaces = StepOrder.Interfaces(release);
        foreach (var step in steps)
        {
            if (!interfaces.Contains(step.Interface))
            {
                return $"'{step.Interface}' is not one of {Python(interfaces)}";
            }

            if (step.Step.Length == 0)
            {
                return "'' is too short";
            }

            if (kind == StepKind.Deploy && step.Priority is not >= 0)
            {
                return step.Priority is null ? "'priority' is a required property" : $"{step.Priority} is less than the minimum of 0";
            }

            if (kind == StepKind.Deploy && step.Args is null)
            {
                return "'args' is a required property";
            }

            if (kind != StepKind.Deploy && step.Priority is not null)
            {
                return "Additional properties are not allowed ('priority' was unexpected)";
            }
        }

        return null;
    }

    /// <summary>Reads a JSON list of steps as the API receives it, with the first schema error found, if any.</summary>
    public static (ImmutableArray<StepRequest> Steps, string? Error) Read(JsonElement list, StepKind kind, IronicRelease release)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return ([], $"{list.GetRawText()} is not of type 'array'");
        }

        var allowed = kind == StepKind.Deploy
            ? new HashSet<string> { "interface", "step", "args", "priority" }
            : ["interface", "step", "args"];
        if (kind != StepKind.Deploy && ReleaseProfile.For(release).UserStepsTakeOrder)
        {
            allowed.Add("order");
        }

        var childNodeKeysTaken = allowed.Contains("order");
        var steps = ImmutableArray.CreateBuilder<StepRequest>();
        string? error = null;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                error ??= $"{item.GetRawText()} is not of type 'object'";
                continue;
            }

            // The schemas that take "order" take the child-node keys too, but parent and child nodes are not simulated.
            var childKey = childNodeKeysTaken ? Array.Find(ChildNodeKeys, k => item.TryGetProperty(k, out _)) : null;
            if (childKey is not null)
            {
                error ??= $"'{childKey}' is not simulated: this simulator has no child nodes to run steps on";
            }

            var extra = item.EnumerateObject().Select(p => p.Name)
                .Where(n => !allowed.Contains(n) && !(childNodeKeysTaken && ChildNodeKeys.Contains(n))).ToList();
            if (extra.Count > 0)
            {
                error ??= $"Additional properties are not allowed ({string.Join(", ", extra.Select(e => $"'{e}'"))} were unexpected)";
            }

            var missing = allowed.Where(k => (k is not ("args" or "order") || kind == StepKind.Deploy) && !item.TryGetProperty(k, out _)).ToList();
            if (missing.Count > 0)
            {
                error ??= $"'{missing[0]}' is a required property";
            }

            var args = item.TryGetProperty("args", out var a) ? a : default;
            if (args.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
            {
                error ??= $"{args.GetRawText()} is not of type 'object'";
            }

            int? priority = null;
            if (item.TryGetProperty("priority", out var p))
            {
                if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var number))
                {
                    priority = number;
                }
                else if (p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), out var text) && p.GetString()!.All(char.IsAsciiDigit))
                {
                    priority = text;
                }
                else
                {
                    error ??= $"{p.GetRawText()} is not valid under any of the given schemas";
                }
            }

            int? order = null;
            if (allowed.Contains("order") && item.TryGetProperty("order", out var o))
            {
                if (o.ValueKind == JsonValueKind.Number && o.TryGetInt32(out var number) && number >= 0)
                {
                    order = number;
                }
                else if (o.ValueKind == JsonValueKind.String && o.GetString() is { Length: > 0 } text && text.All(char.IsAsciiDigit) && int.TryParse(text, out var parsed))
                {
                    order = parsed;
                }
                else
                {
                    error ??= $"{o.GetRawText()} is not valid under any of the given schemas";
                }
            }

            // The step's object is kept as sent, its args read from the copy: Ironic quotes the user's dictionary.
            var given = item.Clone();
            steps.Add(new StepRequest(
                Text(item, "interface"),
                Text(item, "step"),
                args.ValueKind == JsonValueKind.Object ? given.GetProperty("args") : null,
                priority) { Order = order, Given = given });
        }

        var result = steps.ToImmutable();
        return (result, error ?? Check(result, kind, release));
    }

    /// <summary>
    /// The first key Ironic master's step policy check finds missing in a list of steps
    /// (<c>interface</c>, then <c>step</c>, step by step), or null: that check reads both keys of
    /// every step before anything else looks at the request.
    /// </summary>
    public static string? MissingPolicyKey(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (!item.TryGetProperty("interface", out _))
            {
                return "interface";
            }

            if (!item.TryGetProperty("step", out _))
            {
                return "step";
            }
        }

        return null;
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    private static string Python(ImmutableArray<string> values) => $"[{string.Join(", ", values.Select(v => $"'{v}'"))}]";
}
