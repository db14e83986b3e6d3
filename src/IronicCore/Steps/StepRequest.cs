using System.Globalization;
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
    /// The step's JSON object as the API received it, or null for a step made in code, a runbook's
    /// or a deploy template's. Ironic keeps the user's dictionary as sent and quotes it in its
    /// messages and node history: its keys in the user's order, its values as written (an
    /// <c>order</c> of <c>"3"</c> stays a string), which the typed fields above do not keep.
    /// </summary>
    internal JsonElement? Given { get; init; }

    /// <summary>
    /// The step's dictionary in Python's notation: the user's as given, else in the order Ironic
    /// builds it (<c>interface</c>, <c>step</c>, <c>args</c>, then <c>priority</c> or <c>order</c>);
    /// then the fields validation writes into it (<c>abortable</c>, <c>priority</c>), when given,
    /// as Python's dictionary takes them: a new key last, a key it has in its place.
    /// </summary>
    /// <param name="abortable">The driver step's <c>abortable</c> that validation copied in, or null.</param>
    /// <param name="priority">The driver step's <c>priority</c> that validation copied in, or null.</param>
    /// <param name="maskArgs">Whether secrets in <c>args</c> are masked (<see cref="PasswordMask"/>), as node history has them.</param>
    internal string Describe(bool? abortable = null, int? priority = null, bool maskArgs = false)
    {
        var fields = new List<(string Key, string Value)>();
        if (Given is { ValueKind: JsonValueKind.Object } given)
        {
            foreach (var field in given.EnumerateObject())
            {
                fields.Add((field.Name, field.Name == "args" ? DescribeArgs(field.Value, maskArgs) : PythonRepr.Of(field.Value)));
            }
        }
        else
        {
            fields.Add(("interface", PythonRepr.Quote(Interface)));
            fields.Add(("step", PythonRepr.Quote(Step)));
            if (Args is { } args)
            {
                fields.Add(("args", DescribeArgs(args, maskArgs)));
            }

            if (Priority is { } own)
            {
                fields.Add(("priority", own.ToString(CultureInfo.InvariantCulture)));
            }
            else if (Order is { } order)
            {
                fields.Add(("order", order.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (abortable is { } canAbort)
        {
            Set(fields, "abortable", canAbort ? "True" : "False");
        }

        if (priority is { } validated)
        {
            Set(fields, "priority", validated.ToString(CultureInfo.InvariantCulture));
        }

        return $"{{{string.Join(", ", fields.Select(f => $"{PythonRepr.Quote(f.Key)}: {f.Value}"))}}}";
    }

    private static string DescribeArgs(JsonElement args, bool mask) =>
        PythonRepr.Of(mask && args.ValueKind == JsonValueKind.Object ? PasswordMask.MaskDict(args) : args);

    private static void Set(List<(string Key, string Value)> fields, string key, string value)
    {
        var at = fields.FindIndex(f => f.Key == key);
        if (at < 0)
        {
            fields.Add((key, value));
        }
        else
        {
            fields[at] = (key, value);
        }
    }
}
