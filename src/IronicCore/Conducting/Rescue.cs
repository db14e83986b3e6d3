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
    /// <summary>
    /// Ironic's <c>do_node_rescue</c>: the lock, maintenance, the agent's token and URL wiped, the rescue
    /// interface's validation; the password is kept for the agent.
    /// </summary>
    public void Start(Node node, ProvisionRequest request)
    {
        context.Tasks.EnsureUnlocked(node);
        if (node.Maintenance && !context.MaintenancePolicy.AllowsRequest(node.ToView(), ApiVerb.Rescue, context.Options))
        {
            throw new NodeInMaintenanceException("rescuing", node.Uuid);
        }

        // do_node_rescue's wipe_token_and_url, saved before the validation: a rescue refused by
        // it still leaves the agent to look itself up again.
        node.AgentToken = null;
        node.AgentUrl = null;
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

    /// <summary>
    /// Ironic's <c>_do_node_rescue</c>: the rescue interface rescues, or boots the ramdisk and waits;
    /// when it fails, the password goes and the node fails with "Failed to rescue: ..." (an error that
    /// is not one of Ironic's own, as sushy's, "Failed to rescue. Exception: ...").
    /// </summary>
    public void DoNodeRescue(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        ProvisionEvent next;
        try
        {
            next = task.Driver.Rescue.Rescue(task, context.Utils);
        }
        catch (IronicException error)
        {
            node.RescuePassword = null;
            context.History.Record(node, error.After("Failed to rescue"), "rescue");
            context.Tasks.Fire(node, ProvisionEvent.Fail);
            return;
        }

        context.Tasks.Fire(node, next);
    }

    /// <summary>
    /// Ironic's <c>_do_node_unrescue</c>: the password goes, the rescue interface boots the instance
    /// again; when it fails, the node fails with "Failed to unrescue: ..." ("Failed to unrescue.
    /// Exception: ..." for an error not of Ironic's own).
    /// </summary>
    public void DoNodeUnrescue(Node node)
    {
        node.RescuePassword = null;
        var task = context.Nodes.TaskOf(node);
        try
        {
            task.Driver.Rescue.Unrescue(task, context.Utils);
        }
        catch (IronicException error)
        {
            context.History.Record(node, error.After("Failed to unrescue"), "rescue");
            context.Tasks.Fire(node, ProvisionEvent.Fail);
            return;
        }

        node.AgentToken = null;
        node.AgentUrl = null;
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    /// <summary>
    /// Ironic's <c>_do_node_rescue_abort</c>, the worker of an abort in <c>rescue wait</c>: the rescue
    /// interface's clean-up (the password goes first, then the ramdisk's boot); the agent's URL goes
    /// once it is done. When the clean-up fails (a BMC that does not answer the power-off) the node
    /// goes to maintenance, fault <c>rescue abort failure</c>, and the failure is not itself the error.
    /// </summary>
    public void DoNodeRescueAbort(Node node)
    {
        try
        {
            CleanUp(node);
        }
        catch (IronicException)
        {
            const string error = "Failed to clean up rescue after aborting the operation";
            context.History.Record(node, error, "rescue");
            context.Nodes.SetMaintenance(node, true);
            node.MaintenanceReason = error;
            node.Fault = NodeFault.RescueAbortFailure;
            return;
        }

        context.History.Record(node, "By request, the rescue operation was aborted.", "rescue", error: false);
        node.AgentUrl = null;
    }

    /// <summary>
    /// The rescue interface's <c>clean_up</c> (an abort, a tear-down, a failed rescue): the password
    /// goes, then the rescue ramdisk's boot is cleaned up.
    /// </summary>
    public void CleanUp(Node node)
    {
        node.RescuePassword = null;
        var task = context.Nodes.TaskOf(node);
        task.Driver.Boot.CleanUpRamdisk(task);
    }

    /// <summary>
    /// Ironic's <c>rescuing_error_handler</c>: powered off, the rescue cleaned up and the error
    /// recorded; when that fails, its failure is recorded instead. Then <c>fail</c>, unless the
    /// caller (a timeout) fired it already.
    /// </summary>
    public void RescuingFailed(Node node, string error, bool setFailState = true)
    {
        try
        {
            context.Power.NodePowerAction(node, PowerState.PowerOff);
            CleanUp(node);
            context.History.Record(node, error, "rescue");
        }
        catch (IronicException failure)
        {
            context.History.Record(node, $"Rescue operation was unsuccessful, clean up failed for node: {failure.Message}", "rescue");
        }
        finally
        {
            node.AgentUrl = null;
        }

        if (setFailState)
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail);
        }
    }
}
