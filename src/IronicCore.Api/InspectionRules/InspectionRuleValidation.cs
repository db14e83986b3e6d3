using System.Text.Json.Nodes;
using IronicCore.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace IronicCore.Api.InspectionRules;

/// <summary>
/// Ironic master's <c>validate_rule</c> after the schema passed: the phase, the priority's
/// upper bound, and each operator's and action's arguments checked against its signature.
/// </summary>
/// <remarks>
/// Ironic's plugin check raises <c>InspectionRuleValidationFailure</c>, which has no HTTP code
/// and which <c>validate_rule</c> does not catch (it catches <c>ValueError</c>), so a rule with
/// missing or unexpected arguments is answered 500 with the plugin's words, before the phase and
/// priority errors gathered earlier are reported. A plugin given its plugin data also stores an
/// empty <c>plugin_data</c> in the rule's arguments, as Ironic's does.
/// </remarks>
internal static class InspectionRuleValidation
{
    public static void Check(JsonObject rule)
    {
        var errors = new List<string>();
        var phase = rule.TryGetPropertyValue("phase", out var given) ? given?.GetValue<string>() : "main";
        if (phase != "main")
        {
            errors.Add($"Invalid phase: {phase ?? "None"}. Valid phases are: main");
        }

        if (rule["priority"] is { } priority && InspectionRuleSchema.Number(priority) > 9999)
        {
            errors.Add("Priority must be between 0 and 9999 for user-defined rules.");
        }

        foreach (var condition in rule["conditions"]?.AsArray() ?? [])
        {
            CheckArguments(RulePlugin.Operator(condition!["op"]!.GetValue<string>()), condition);
        }

        foreach (var action in rule["actions"]!.AsArray())
        {
            CheckArguments(RulePlugin.Action(action!["op"]!.GetValue<string>()), action);
        }

        if (errors.Count == 1)
        {
            throw ApiFault.BadRequest(errors[0]);
        }

        if (errors.Count > 1)
        {
            throw ApiFault.BadRequest($"Multiple validation errors occurred: {string.Join("; ", errors)}");
        }
    }

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
                    throw Failure($"('Not enough arguments provided. Missing: %s', '{missing}')");
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
            throw Failure(string.Join("; ", problems));
        }
    }

    private static ApiFault Failure(string message) => new(StatusCodes.Status500InternalServerError, message);
}
