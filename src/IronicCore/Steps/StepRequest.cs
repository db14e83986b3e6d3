using System.Text.Json;

namespace IronicCore.Steps;

/// <summary>
/// A step as a user asks for it in <c>clean_steps</c>, <c>deploy_steps</c> or
/// <c>service_steps</c>: <c>{"interface", "step", "args"}</c>, plus <c>priority</c> for deploy steps.
/// </summary>
/// <param name="Interface">The driver interface: vendor, power, management, firmware, deploy, bios or raid.</param>
/// <param name="Step">The step's name.</param>
/// <param name="Args">
/// The step's keyword arguments as the user wrote them: a JSON object (its order is kept, since
/// Ironic's messages print the user's dictionary as given, <c>{}</c> included), or null when absent.
/// </param>
/// <param name="Priority">A deploy step's priority; null for clean and service steps.</param>
public sealed record StepRequest(
    string Interface,
    string Step,
    JsonElement? Args = null,
    int? Priority = null)
{
    /// <summary>The step as Ironic prints a user's step dictionary in its messages.</summary>
    public override string ToString() => Describe();

    /// <summary>
    /// A runbook step's <c>order</c>, which Ironic's <c>convert_steps</c> keeps in the step's
    /// dictionary (so its messages print it), or the one a user's clean or service step gives
    /// (master's schema takes it and keeps it in the dictionary); else null.
    /// </summary>
    internal int? Order { get; init; }

    /// <summary>The names of the arguments the user gave, in their order.</summary>
    internal IEnumerable<string> ArgNames =>
        Args is { ValueKind: JsonValueKind.Object } args ? args.EnumerateObject().Select(a => a.Name) : [];

    /// <summary>The argument <paramref name="name"/>, when the user gave it.</summary>
    internal JsonElement? Arg(string name) =>
        Args is { ValueKind: JsonValueKind.Object } args && args.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// The step's dictionary in Python's notation, with the fields validation adds
    /// (<c>abortable</c>, <c>priority</c>) when given, in the order Ironic's dictionary has them.
    /// </summary>
    internal string Describe(bool? abortable = null, int? priority = null)
    {
        var fields = new List<string> { $"'interface': {PythonRepr.Quote(Interface)}", $"'step': {PythonRepr.Quote(Step)}" };
        if (Args is { } args)
        {
            fields.Add($"'args': {PythonRepr.Of(args)}");
        }

        if (Priority is { } given && abortable is null)
        {
            fields.Add($"'priority': {given}");
        }
        else if (Order is { } order)
        {
            fields.Add($"'order': {order}");
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
