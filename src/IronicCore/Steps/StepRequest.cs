using System.Collections.Immutable;
using System.Text.Json;

namespace IronicCore.Steps;

/// <summary>
/// A step as a user asks for it in <c>clean_steps</c>, <c>deploy_steps</c> or
/// <c>service_steps</c>: <c>{"interface", "step", "args"}</c>, plus <c>priority</c> for deploy steps.
/// </summary>
/// <param name="Interface">The driver interface: vendor, power, management, firmware, deploy, bios or raid.</param>
/// <param name="Step">The step's name.</param>
/// <param name="Args">The step's keyword arguments, if any.</param>
/// <param name="Priority">A deploy step's priority; null for clean and service steps.</param>
public sealed record StepRequest(
    string Interface,
    string Step,
    ImmutableDictionary<string, JsonElement>? Args = null,
    int? Priority = null)
{
    /// <summary>The step as Ironic prints a user's step dictionary in its messages.</summary>
    public override string ToString() =>
        Args is null or { Count: 0 }
            ? $"{{'interface': '{Interface}', 'step': '{Step}'}}"
            : $"{{'interface': '{Interface}', 'step': '{Step}', 'args': {{{string.Join(", ", Args.Select(a => $"'{a.Key}': {a.Value.GetRawText()}"))}}}}}";
}
