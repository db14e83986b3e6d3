using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>Ironic's <c>conductor/verify.py</c>: <c>manage</c> from <c>enroll</c> checks that the power credentials work.</summary>
internal sealed class Verification(ConductorContext context)
{
    /// <summary>
    /// Ironic's <c>do_node_verify</c>: the power interface validates the node's driver_info, then the
    /// power state is read; either failure, in its own words, sends the node back to <c>enroll</c>.
    /// </summary>
    public void DoNodeVerify(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        PowerState? power;
        try
        {
            task.Driver.Power.Validate(task);
        }
        catch (IronicException error)
        {
            Failed(node, $"Failed to validate power driver interface for node {node.Uuid}. Error: {error.Message}");
            return;
        }

        try
        {
            power = task.Driver.Power.GetPowerState(task);
        }
        catch (IronicException error)
        {
            Failed(node, $"Failed to get power state for node {node.Uuid}. Error: {error.Message}");
            return;
        }

        // node_cache_bios_settings, node_cache_vendor and node_cache_boot_mode once the credentials
        // work (2025.1 and master: node_update_cache, which caches the firmware too).
        context.Steps.DriverSteps.TryUpdateCache(node);
        if (!context.Profile.UpdateCacheReadsVendorAndBootMode)
        {
            ManagementCache.CacheVendor(node, task);
            ManagementCache.CacheBootMode(node, task);
        }

        node.PowerState = power;
        context.Tasks.Fire(node, ProvisionEvent.Done);
    }

    private void Failed(Node node, string error)
    {
        // do_node_verify records its own failure as "verify" (states.VERIFY, the verb); only a
        // verify step's failure goes through verifying_error_handler's "verifying".
        context.History.Record(node, error, "verify");
        context.Tasks.Fire(node, ProvisionEvent.Fail);
    }
}
