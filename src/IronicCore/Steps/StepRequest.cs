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
    public override string ToString() => Describe();

    /// <summary>
    /// The step's dictionary in Python's notation, with the fields validation adds
    /// (<c>abortable</c>, <c>priority</c>) when given, in the order Ironic's dictionary has them.
    /// </summary>
    internal string Describe(bool? abortable = null, int? priority = null)
    {
        var fields = new List<string> { $"'interface': {PythonRepr.Quote(Interface)}", $"'step': {PythonRepr.Quote(Step)}" };
        if (Args is { Count: > 0 } args)
        {
            fields.Add($"'args': {{{string.Join(", ", args.Select(a => $"{PythonRepr.Quote(a.Key)}: {PythonRepr.Of(a.Value)}"))}}}");
        }

        if (Priority is { } given && abortable is null)
        {
            fields.Add($"'priority': {given}");
        }

        if (abortable is { } canAbort)
        {
            fields.Add($"'abortable': {(canAbort ? "True" : "False")}");
        }

        if (priority is { } validated)
        {
            fields.Add($"'priority': {validated}");
        }

        return $"{{{string.Join(", ", fields)}}}";
    }
}
