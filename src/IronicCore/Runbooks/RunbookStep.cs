using System.Text.Json;

namespace IronicCore.Runbooks;

/// <summary>
/// One step of a runbook, as Ironic's <c>runbook_steps</c> table keeps it: the interface and step
/// to run, its keyword arguments (a JSON object, <c>{}</c> when none) and its <c>order</c>.
/// Immutable.
/// </summary>
public sealed class RunbookStep
{
    /// <summary>Creates the step.</summary>
    /// <param name="interface">The driver interface, e.g. <c>bios</c> or <c>deploy</c>.</param>
    /// <param name="step">The step's name, e.g. <c>factory_reset</c>.</param>
    /// <param name="args">The step's keyword arguments: a JSON object; null for none.</param>
    /// <param name="order">Ironic's <c>order</c> (0 or more): kept and shown, the steps run in the runbook's list order.</param>
    /// <exception cref="ArgumentException"><paramref name="args"/> is not a JSON object, or a name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is negative.</exception>
    public RunbookStep(string @interface, string step, JsonElement? args = null, int order = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(@interface);
        ArgumentException.ThrowIfNullOrEmpty(step);
        ArgumentOutOfRangeException.ThrowIfNegative(order);
        if (args is { ValueKind: not JsonValueKind.Object })
        {
            throw new ArgumentException("A runbook step's args must be a JSON object.", nameof(args));
        }

        Interface = @interface;
        Step = step;
        Args = args?.Clone() ?? Nodes.JsonObjects.Empty;
        Order = order;
    }

    /// <summary><c>interface</c>.</summary>
    public string Interface { get; }

    /// <summary><c>step</c>.</summary>
    public string Step { get; }

    /// <summary><c>args</c>: a JSON object, in the order it was given.</summary>
    public JsonElement Args { get; }

    /// <summary><c>order</c>.</summary>
    public int Order { get; }
}
