using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Adoption (Ironic's <c>_do_adoption</c> in <c>conductor/manager.py</c>): a node that already runs
/// its instance is taken into <c>active</c> through its deploy interface, without deploying it.
/// </summary>
internal sealed class Adoption(ConductorContext context)
{
    /// <summary>
    /// Ironic's <c>_do_adoption</c>: the deploy interface's <c>prepare</c> and <c>take_over</c> (from
    /// 2025.1 on an agent deploy prepares the instance's boot, so an unreachable BMC fails the
    /// adoption; 21.4's and the fake deploy take the node over at once).
    /// </summary>
    public void DoNodeAdopt(Node node)
    {
        try
        {
            context.Autodetect.Switch(node);
            var task = context.Nodes.TaskOf(node);
            task.Driver.Deploy.Prepare(task, context.Utils);
        }
        catch (IronicException error)
        {
            // Ironic's _do_adoption: the interface switched back, the power state forgotten.
            context.Autodetect.Restore(node);
            node.PowerState = null;
            context.History.Record(node, $"Error while attempting to adopt node {node.Uuid}: {error.Message}.", "adoption");
            context.Tasks.Fire(node, ProvisionEvent.Fail);
            return;
        }

        context.Tasks.Fire(node, ProvisionEvent.Done);
    }
}
