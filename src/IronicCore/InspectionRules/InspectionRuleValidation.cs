using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Errors;

namespace IronicCore.InspectionRules;

/// <summary>
/// Ironic master's <c>validate_rule</c> after its schema: the phase, the priority's bounds, and
/// each operator's and action's arguments checked against its plugin's signature.
/// </summary>
/// <remarks>
/// Ironic's plugin check raises <c>InspectionRuleValidationFailure</c>, which <c>validate_rule</c>
/// does not catch (it catches <c>ValueError</c>), so a rule with missing or unexpected arguments is
/// refused with the plugin's words (500) before the phase and priority errors gathered earlier are
/// reported. A plugin given its plugin data also stores an empty <c>plugin_data</c> in the rule's
/// arguments, as Ironic's does.
/// </remarks>
internal static class InspectionRuleValidation
{
    /// <summary>Ironic's only inspection phase, and a rule's default.</summary>
    public const string MainPhase = "main";

    /// <summary><c>[]</c>: no conditions.</summary>
    public static JsonElement NoSteps { get; } = JsonElement.Parse("[]");

    /// <summary>Checks a rule; returns its conditions and actions as they are stored.</summary>
    /// <exception cref="InspectionRuleValidationFailureException">A plugin's arguments are wrong (500).</exception>
    /// <exception cref="InvalidException">The phase or priority is wrong (400).</exception>
    /// <exception cref="ArgumentException">The conditions or actions are not as Ironic's schema requires.</exception>
    public static (JsonElement Conditions, JsonElement Actions) Validate(string? phase, long priority, JsonElement? conditions, JsonElement actions)
    {
        var errors = new List<string>();
        if (phase != MainPhase)
        {
            errors.Add($"Invalid phase: {phase ?? "None"}. Valid phases are: {MainPhase}");
        }

        if (priority < 0)
        {
            errors.Add("Priority cannot be negative for user-defined rules.");
        }

        if (priority > 9999)
        {
            errors.Add("Priority must be between 0 and 9999 for user-defined rules.");
        }

        var conditionSteps = Steps(conditions, nameof(conditions));
        foreach (var condition in conditionSteps)
        {
            CheckArguments(RulePlugin.Operator(Op(condition, nameof(conditions))) ?? throw Unknown(condition, nameof(conditions)), condition);
        }

        var actionSteps = Steps(actions, nameof(actions));
        if (actionSteps.Count == 0)
        {
            throw new ArgumentException("An inspection rule needs at least one action.", nameof(actions));
        }

        foreach (var action in actionSteps)
        {
            CheckArguments(RulePlugin.Action(Op(action, nameof(actions))) ?? throw Unknown(action, nameof(actions)), action);
        }

        if (errors.Count == 1)
        {
            throw new InvalidException(errors[0]);
        }

        if (errors.Count > 1)
        {
            throw new InvalidException($"Multiple validation errors occurred: {string.Join("; ", errors)}");
        }

        return (JsonSerializer.SerializeToElement(conditionSteps), JsonSerializer.SerializeToElement(actionSteps));
    }

    private static List<JsonObject> Steps(JsonElement? list, string name) => list switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } array when JsonNode.Parse(array.GetRawText()) is JsonArray steps && steps.All(s => s is JsonObject) =>
            [.. steps.Select(s => s!.AsObject())],
        _ => throw new ArgumentException($"{name} must be a JSON array of objects.", name),
    };

    private static string Op(JsonNode step, string name) =>
        step["op"] is JsonValue op && op.TryGetValue<string>(out var text) ? text : throw new ArgumentException($"Each of {name} needs an op.", name);

    private static ArgumentException Unknown(JsonNode step, string name) => new($"{step["op"]} is not an inspection rule plugin.", name);

    /// <summary>Ironic's <c>Base.validate</c>: list arguments are matched to the signature by position (deprecated form).</summary>
    private static void CheckArguments(RulePlugin plugin, JsonNode step)
    {
        IEnumerable<string> provided;
        switch (step["args"])
        {
            case JsonObject named:
                if (plugin.RequiresPluginData)
                {
                    named["plugin_data"] = new JsonObject();
                }

                provided = named.Select(p => p.Key);
                break;
            case JsonArray positional:
                if (plugin.RequiresPluginData)
                {
                    positional.Add(new JsonObject());
                }

                if (positional.Count < plugin.Required.Length)
                {
                    // Ironic passes the message and its argument as a tuple, so the tuple is what it says.
                    var missing = string.Join(", ", plugin.Required[positional.Count..]);
                    throw new InspectionRuleValidationFailureException($"('Not enough arguments provided. Missing: %s', '{missing}')");
                }

                provided = plugin.Required.Concat(plugin.Optional.Take(positional.Count - plugin.Required.Length));
                break;
            default:
                return;
        }

        var names = provided.ToList();
        var problems = new List<string>();
        var absent = plugin.Required.Where(r => !names.Contains(r)).ToList();
        if (absent.Count > 0)
        {
            problems.Add($"missing required argument(s): {string.Join(", ", absent)}");
        }

        var unexpected = names.Where(n => !plugin.Required.Contains(n) && !plugin.Optional.Contains(n)).ToList();
        if (unexpected.Count > 0)
        {
            problems.Add($"unexpected argument(s): {string.Join(", ", unexpected)}");
        }

        if (problems.Count > 0)
        {
            throw new InspectionRuleValidationFailureException(string.Join("; ", problems));
        }
    }
}
