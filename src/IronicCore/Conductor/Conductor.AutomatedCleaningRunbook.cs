using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Runbooks;

namespace IronicCore;

public sealed partial class Conductor
{
    /// <summary>
    /// The steps of the node's next automated cleaning, before it starts: a runbook's (Ironic's
    /// declarative cleaning) or none, for the drivers' own. Called by <c>provide</c>, whose
    /// request it may refuse, and by the tear-down worker.
    /// </summary>
    /// <exception cref="RunbookNotFoundException">The runbook chosen does not exist.</exception>
    /// <exception cref="NodeCleaningFailureException">A runbook is required and none is configured, or it is not approved for the node.</exception>
    private void ChooseAutomatedCleaningSteps(Node node)
    {
        var runbook = AutomatedCleaningRunbook.For(node, Options, RunbookTable);
        node.RequestedSteps = runbook is null ? [] : RunbookUse.Steps(runbook);
        node.DisableRamdisk = runbook?.DisableRamdisk ?? false;
    }

    /// <summary>
    /// <see cref="ChooseAutomatedCleaningSteps"/> in the tear-down worker, which Ironic ends there when
    /// it fails: the node stays in <c>deleting</c>, unlocked, with the worker's error in
    /// <c>last_error</c> unless one was there. A missing runbook's error says nothing, as it
    /// reaches Ironic's worker wrapped by the RPC layer.
    /// </summary>
    /// <returns>Whether cleaning may start.</returns>
    private bool TryChooseAutomatedCleaningStepsAfterTearDown(Node node)
    {
        try
        {
            ChooseAutomatedCleaningSteps(node);
            return true;
        }
        catch (IronicException error) when (error is RunbookNotFoundException or NodeCleaningFailureException)
        {
            var reason = error is RunbookNotFoundException ? string.Empty : error.Message;
            node.LastError ??= $"Async execution of _do_node_tear_down failed with error: {reason}";
            return false;
        }
    }

    /// <summary>Whether the node's automated cleaning runs a runbook's steps (Ironic's <c>declarative_cleaning</c>).</summary>
    private static bool IsDeclarativeCleaning(Node node) =>
        node.TargetProvisionState != States.ProvisionState.Manageable && !node.RequestedSteps.IsDefaultOrEmpty;
}
