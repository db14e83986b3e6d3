using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Inspection (Ironic's <c>conductor/inspection.py</c>): the fake inspect interface finishes at
/// once; <c>no-inspect</c>, the interface every other simulated hardware type gets by default
/// (as with Ironic's default <c>enabled_inspect_interfaces</c>), refuses the request.
/// </summary>
internal sealed class Inspection(ConductorContext context)
{
    /// <summary>The inspect interface that refuses everything (Ironic's <c>noop.NoInspect</c>).</summary>
    public const string NoInspect = "no-inspect";

    /// <summary>
    /// Ironic's <c>inspect_hardware</c> request side: the lock, then the power and the inspect
    /// interfaces validated (<c>no-inspect</c> answers <c>UnsupportedDriverExtension</c>, 400,
    /// before the state moves); then the worker.
    /// </summary>
    public void Start(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        if (task.Driver.InspectInterface == NoInspect)
        {
            throw new UnsupportedDriverExtensionException(node.Interfaces.Driver, "inspect");
        }

        context.Tasks.FireRequested(node, ProvisionEvent.Inspect, "inspect", worker: Worker.Inspect);
    }

    /// <summary>Ironic's <c>inspect_hardware</c>: done at once.</summary>
    public void DoNodeInspect(Node node) => context.Tasks.Fire(node, ProvisionEvent.Done);
}
