using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// What Ironic's flows write into a node's details as its provision state changes: a successful
/// inspection stamps <c>inspection_finished_at</c> (a new one clears it), and the end of a
/// tear-down, however it ends, clears <c>instance_info</c> and <c>instance_name</c>. Every other
/// transition passes after a few comparisons.
/// </summary>
internal sealed class TransitionBookkeeping(INodeLocks nodes) : ITransitionObserver
{
    public void OnTransition(in TransitionRecord transition)
    {
        var inspected = transition.From is ProvisionState.Inspecting or ProvisionState.InspectWait && transition.To == ProvisionState.Manageable;
        if (inspected || transition.To == ProvisionState.Inspecting)
        {
            var node = nodes.Find(transition.NodeUuid);
            var finishedAt = inspected ? transition.At : (DateTimeOffset?)null;
            if (node.Details.InspectionFinishedAt != finishedAt)
            {
                node.Details = node.Details with { InspectionFinishedAt = finishedAt };
            }
        }
        else if (transition.From == ProvisionState.Deleting)
        {
            var node = nodes.Find(transition.NodeUuid);
            if (node.Details.InstanceName is not null || !JsonObjects.IsEmpty(node.Details.InstanceInfo))
            {
                node.Details = node.Details with { InstanceInfo = JsonObjects.Empty, InstanceName = null };
            }
        }
    }
}
