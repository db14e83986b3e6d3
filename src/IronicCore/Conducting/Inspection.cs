using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>Inspection (Ironic's <c>conductor/inspection.py</c>): the fake and no-inspect interfaces finish at once.</summary>
internal sealed class Inspection(ConductorContext context)
{
    /// <summary>Ironic's <c>inspect_hardware</c> request side: the lock and power validation; then the worker.</summary>
    public void Start(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        var task = context.Nodes.TaskOf(node);
        task.Driver.Power.Validate(task);
        context.Tasks.FireRequested(node, ProvisionEvent.Inspect, "inspect", worker: Worker.Inspect);
    }

    /// <summary>Ironic's <c>inspect_hardware</c>: done at once.</summary>
    public void DoNodeInspect(Node node) => context.Tasks.Fire(node, ProvisionEvent.Done);
}
