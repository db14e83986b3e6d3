using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Ironic's inspection records when it last succeeded: reaching <c>manageable</c> from
/// <c>inspecting</c> or <c>inspect wait</c> stamps <c>inspection_finished_at</c>, and a new
/// inspection clears it. Every other transition passes after a few comparisons.
/// </summary>
internal sealed class InspectionBookkeeping(INodeLocks nodes) : ITransitionObserver
{
    public void OnTransition(in TransitionRecord transition)
    {
        var inspected = transition.To == ProvisionState.Manageable && transition.From is ProvisionState.Inspecting or ProvisionState.InspectWait;
        if (!inspected && transition.To != ProvisionState.Inspecting)
        {
            return;
        }

        var node = nodes.Find(transition.NodeUuid);
        var finishedAt = inspected ? transition.At : (DateTimeOffset?)null;
        if (node.Details.InspectionFinishedAt != finishedAt)
        {
            node.Details = node.Details with { InspectionFinishedAt = finishedAt };
        }
    }
}
