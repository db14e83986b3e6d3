using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Rescue and unrescue (Ironic's <c>_do_node_rescue</c>, <c>_do_node_unrescue</c> and the
/// rescue abort): the request's checks, then the node's rescue interface as the worker.
/// </summary>
internal sealed class Rescue(ConductorContext context)
{
    /// <summary>The lock, maintenance, the rescue interface's validation; the password is kept for the agent.</summary>
    public void Start(Node node, ProvisionRequest request)
    {
        context.Tasks.EnsureUnlocked(node);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Rescue, context.Options))
        {
            throw new NodeInMaintenanceException("rescuing", node.Uuid);
        }

        var task = context.Nodes.TaskOf(node);
        task.Driver.Rescue.Validate(task);
        node.RescuePassword = request.RescuePassword;
        context.Tasks.FireRequested(node, ProvisionEvent.Rescue, "rescue", worker: Worker.Rescue);
    }

    public void StartUnrescue(Node node)
    {
        context.Tasks.EnsureUnlocked(node);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Unrescue, context.Options))
        {
            throw new NodeInMaintenanceException("unrescuing", node.Uuid);
        }

        context.Tasks.FireRequested(node, ProvisionEvent.Unrescue, "unrescue", worker: Worker.Unrescue);
    }

    /// <summary>Ironic's <c>_do_node_rescue</c>: the rescue interface rescues, or boots the ramdisk and waits.</summary>
    public void DoNodeRescue(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        context.Tasks.Fire(node, task.Driver.Rescue.Rescue(task, context.Utils));
    }

    /// <summary>Ironic's <c>_do_node_unrescue</c>: the password goes, the rescue interface boots the instance again.</summary>
    public void DoNodeUnrescue(Node node)
    {
        node.RescuePassword = null;
        var task = context.Nodes.TaskOf(node);
        task.Driver.Rescue.Unrescue(task, context.Utils);
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    /// <summary>The abort of <c>rescue wait</c>: the rescue ramdisk's boot is cleaned up.</summary>
    public void DoAbort(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        task.Driver.Boot.CleanUpRamdisk(task);
    }
}
