using System.Text.Json;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's console RPCs (<c>get_console_information</c>, <c>set_console_mode</c> in the
/// conductor's manager): the node's console interface, or <c>no-console</c>'s refusal. The
/// worker that starts or stops the console runs at once: it waits for nothing.
/// </summary>
internal sealed class NodeConsole(ConductorContext context)
{
    /// <summary>Under a shared lock: null while the console is off (Ironic's <c>NodeConsoleNotEnabled</c>), else the interface's connection information after its validation.</summary>
    public JsonElement? GetConsoleInformation(Node node)
    {
        if (!node.Details.ConsoleEnabled)
        {
            return null;
        }

        var task = context.Nodes.TaskOf(node);
        var console = Interface(task);
        console.Validate(task);
        return console.GetConsole(task);
    }

    /// <summary>
    /// Validation under a shared lock; nothing more when the console already is in that mode;
    /// else the exclusive lock, <c>last_error</c> cleared, and the worker's start or stop,
    /// whose failure is recorded in the node's history and <c>last_error</c>.
    /// </summary>
    public void SetConsoleMode(Node node, bool enabled)
    {
        var task = context.Nodes.TaskOf(node);
        var console = Interface(task);
        console.Validate(task);
        if (enabled == node.Details.ConsoleEnabled)
        {
            return;
        }

        context.Tasks.EnsureUnlocked(node);
        node.LastError = null;
        try
        {
            if (enabled)
            {
                console.StartConsole(task);
            }
            else
            {
                console.StopConsole(task);
            }
        }
        catch (IronicException error)
        {
            var op = enabled ? "enabling" : "disabling";
            context.History.Record(node, $"Error {op} the console on node {node.Uuid}. Reason: {error.Message}", "console");
            return;
        }

        node.Details = node.Details with { ConsoleEnabled = enabled };
        NodeDetailsRules.Touch(node, context.Clock.GetUtcNow());
    }

    private static IConsoleInterface Interface(DriverTask task) =>
        task.Driver.Console ?? throw new UnsupportedDriverExtensionException(task.DriverName, "console");
}
