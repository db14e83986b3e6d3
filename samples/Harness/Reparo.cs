using IronicCore;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace Harness;

/// <summary>
/// A stand-in for the team's remediation tool (Reparo in the seed thread): one round of manual
/// cleaning on every node found in maintenance; if it passes, the node goes back to the pool.
/// Every call on <paramref name="ironic"/> is one the real tool makes over Ironic's REST API;
/// <paramref name="sleep"/> is how it waits between polls (Thread.Sleep in production,
/// virtual time in the tests).
/// </summary>
public sealed class Reparo(Conductor ironic, Action<TimeSpan> sleep)
{
    // One round of cleaning: fake-hardware's bios.factory_reset needs no arguments.
    private static readonly ProvisionRequest OneCleanRound = new() { CleanSteps = [new StepRequest("bios", "factory_reset")] };
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private const int MaxPolls = 180;

    public List<(string Node, IronicException Refusal)> Refusals { get; } = []; // what Ironic said no to
    public List<string> Returned { get; } = [];  // cleaned and back in `available`
    public List<string> NeedHuman { get; } = []; // cleaning failed: not transient, someone has to look

    public void RunOnce()
    {
        // GET /v1/nodes?maintenance=true. Only `available` and `manageable`: an `active` node still
        // holds a tenant's instance (cleaning would wipe it), and other states are mid-operation.
        foreach (var node in ironic.Nodes.Where(n => n.Maintenance && n.ProvisionState is ProvisionState.Available or ProvisionState.Manageable))
        {
            var id = node.Name ?? node.Uuid;
            if (node.ProvisionState == ProvisionState.Available)
            {
                // `manage` is allowed in maintenance and parks the node where the scheduler cannot
                // pick it, so clearing maintenance below never hands a suspect node to a tenant.
                ironic.SetProvisionState(id, ApiVerb.Manage);
                WaitFor(id, ProvisionState.Manageable);
            }

            try
            {
                ironic.SetProvisionState(id, ApiVerb.Clean, OneCleanRound);
            }
            catch (NodeInMaintenanceException refusal)
            {
                // Ironic refuses manual cleaning in maintenance (400 NodeInMaintenance) and changed
                // nothing. In `manageable` the node is out of the pool anyway: clear and ask again.
                Refusals.Add((id, refusal));
                ironic.ClearMaintenance(id);
                ironic.SetProvisionState(id, ApiVerb.Clean, OneCleanRound);
            }

            var cleaned = WaitFor(id, ProvisionState.Manageable);
            if (cleaned.ProvisionState != ProvisionState.Manageable)
            {
                // The issue was not transient: flag the node for a human, with Ironic's last_error.
                ironic.SetMaintenance(id, $"reparo: manual cleaning failed: {cleaned.LastError}");
                NeedHuman.Add(id);
                continue;
            }

            if (cleaned.Maintenance)
            {
                ironic.ClearMaintenance(id); // cleaned while in maintenance (a policy that allows it)
            }

            ironic.SetProvisionState(id, ApiVerb.Provide); // automated cleaning, then `available`
            WaitFor(id, ProvisionState.Available);
            Returned.Add(id);
        }
    }

    // A request returns once accepted (202); its work runs afterwards. Poll GET /v1/nodes/{node}
    // as openstacksdk's wait_for_provision_state does: done at `expected`, or at a failure state.
    private NodeView WaitFor(string id, ProvisionState expected)
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var view = ironic.GetNode(id);
            if (view.ProvisionState == expected || view.ProvisionState == ProvisionState.Error
                || view.ProvisionState.ToIronicName().EndsWith(" failed", StringComparison.Ordinal))
            {
                return view;
            }

            sleep(PollInterval);
        }

        throw new TimeoutException($"Node {id} did not reach \"{expected.ToIronicName()}\".");
    }
}
