using IronicCore.Conducting;
using IronicCore.Drivers;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore;

// What a simulated fleet needs from the node table that Ironic's API does not give: nodes by
// slot without copying them into views, their machines, and the survivors' handling of nodes
// whose worker died with its conductor.
public sealed partial class Conductor
{
    /// <summary>How many node slots exist (deleted nodes leave an empty slot).</summary>
    internal int NodeSlots => context.Nodes.Count;

    /// <summary>How many nodes are in maintenance.</summary>
    internal int MaintenanceCount => context.Nodes.MaintenanceSlots.Count;

    /// <summary>The node in slot <paramref name="index"/>, or null once deleted.</summary>
    internal Node? NodeAt(int index) => context.Nodes[index];

    /// <summary>The provision state of the node in slot <paramref name="index"/>, read without touching the node.</summary>
    internal ProvisionState StateAt(int index) => context.Nodes.StateAt(index);

    /// <summary>The machine behind slot <paramref name="index"/>.</summary>
    internal SimulatedMachine MachineAt(int index) => context.Nodes.MachineAt(index);

    /// <summary>How many nodes are in <paramref name="state"/>.</summary>
    internal int CountInState(ProvisionState state) => context.Nodes.CountIn(state);

    /// <summary>The slot of the <paramref name="position"/>th node in maintenance, in no particular order.</summary>
    internal int MaintenanceSlotAt(int position) => context.Nodes.MaintenanceSlots[position];

    /// <summary>Whether the node in slot <paramref name="index"/> is in maintenance, read without touching the node.</summary>
    internal bool InMaintenanceAt(int index) => context.Nodes.MaintenanceSlots.Contains(index);

    /// <summary>Adds the slots of the nodes in maintenance to <paramref name="into"/>, in slot order.</summary>
    internal void CopyMaintenanceSlots(List<int> into) => context.Nodes.MaintenanceSlots.CopySorted(into);

    /// <summary>
    /// Ironic's <c>_check_orphan_nodes</c> on a survivor, for a node whose worker was running on a
    /// conductor that went offline: the reservation goes; out of maintenance, a deployment fails
    /// to <c>deploy failed</c> and cleaning to <c>clean failed</c> (the cleaning error handler, so
    /// maintenance if a step was set), each saying the operation was aborted by the takeover.
    /// </summary>
    /// <returns>Whether the node's operation was aborted.</returns>
    internal bool AbortOnConductorTakeOver(Node node)
    {
        const string error = "Operation was aborted due to conductor take over";
        TaskManager.Release(node);
        if (node.Maintenance)
        {
            return false;
        }

        switch (node.ProvisionState)
        {
            case ProvisionState.Deploying or ProvisionState.WaitCallBack:
                context.Deployment.DeployFailed(node, error);
                return true;
            case ProvisionState.Cleaning or ProvisionState.CleanWait:
                context.Steps.StepsFailed(node, error);
                return true;
            default:
                return false;
        }
    }
}
