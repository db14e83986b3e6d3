using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// The error handlers of cleaning and servicing (Ironic's <c>cleaning_error_handler</c>,
/// <c>servicing_error_handler</c>) and the <c>fail_on_error</c> decorator that Ironic puts on its step
/// loops: a failed step, tear-down or abort ends here.
/// </summary>
internal sealed class StepErrorHandler(ConductorContext context)
{
    /// <summary>
    /// Ironic's <c>fail_on_error</c> on <c>do_next_clean_step</c>, <c>continue_node_clean</c> and
    /// servicing's twins: what escaped the loop goes to the error handler once more, worded by the
    /// exception's class. What escapes most often is the handler's own power-off
    /// (<c>poweroff_in_cleanfail</c>) against a BMC that does not answer; it raises again from
    /// here, so each decorated frame on the way out records the failure once more.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="error">What escaped.</param>
    /// <param name="servicing">Whether the decorated function is servicing's, fixed before it ran.</param>
    public void FailOnError(Node node, IronicException error, bool servicing) =>
        StepsFailed(node, UnexpectedError(servicing, error.IronicClass, error.Message), servicing: servicing);

    /// <summary><c>fail_on_error</c>'s words for what escaped a clean or service step loop.</summary>
    public static string UnexpectedError(bool servicing, string exceptionClass, string message) =>
        $"Unexpected error when processing next {(servicing ? "service" : "clean")} step. {exceptionClass}: {message}";

    /// <summary>
    /// Ironic's <c>cleaning_error_handler</c> and <c>servicing_error_handler</c>: a failure
    /// while a step ran puts the node in maintenance with fault <c>clean failure</c> (or
    /// <c>service failure</c>); the ramdisk is torn down (its failure is added to the error); then
    /// <c>fail</c>, keeping a manual clean's target.
    /// </summary>
    /// <exception cref="IronicException">
    /// <c>poweroff_in_cleanfail</c>'s (<c>poweroff_in_servicefail</c>'s) power-off failed (2025.1, master): it
    /// leaves the handler as in Ironic, before the <c>fail</c> event.
    /// </exception>
    public void StepsFailed(Node node, string error, bool setFailState = true, bool tearDown = true, bool? servicing = null)
    {
        // The handler is the caller's, not the state's: master's service abort fails after its
        // abort event moved the node to active, and servicing_error_handler still reads service_step.
        var isServicing = servicing ?? node.IsServicing();
        var setMaintenance = (isServicing ? node.ServiceStep : node.CleanStep) is not null;
        if (setMaintenance)
        {
            node.Fault = isServicing ? NodeFault.ServiceFailure : NodeFault.CleanFailure;
            context.Nodes.SetMaintenance(node, true);
        }

        // The error handlers tear the ramdisk down even after a disable_ramdisk request
        // (only the end of a successful cleaning skips it): the node is powered off.
        if (tearDown && context.Nodes.DriverOf(node).UsesAgent)
        {
            try
            {
                if (isServicing)
                {
                    context.Servicing.TearDownInbandService(node);
                }
                else
                {
                    context.Steps.TearDownInband(node);
                }
            }
            catch (IronicException failure)
            {
                error = AlsoFailedToTearDown(node, error, failure, isServicing);
            }
        }

        if (isServicing
            ? node.ProvisionState is ProvisionState.Servicing or ProvisionState.ServiceWait or ProvisionState.ServiceFailed
            : node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait or ProvisionState.CleanFailed)
        {
            node.SetCurrentStep(null);
            node.StepIndex = null;
            node.StepReboot = false;
            node.SkipCurrentStep = true;
            node.AgentToken = null;
            node.AgentUrl = null;
        }

        context.History.Record(node, error, isServicing ? "servicing" : "cleaning");
        if (setMaintenance)
        {
            node.MaintenanceReason ??= error;
        }

        node.RequestedSteps = [];
        if (isServicing ? context.Options.PoweroffInServicefail : context.Options.PoweroffInCleanfail)
        {
            context.Power.NodePowerAction(node, PowerState.PowerOff);
        }

        if (!isServicing)
        {
            context.Autodetect.Restore(node);
        }

        if (setFailState && node.ProvisionState is not (ProvisionState.CleanFailed or ProvisionState.ServiceFailed))
        {
            context.Tasks.Fire(node, ProvisionEvent.Fail, node.ManualCleanTarget());
        }
    }

    /// <summary>
    /// The tear-down of Ironic's <c>do_node_clean_abort</c> (servicing's is <see cref="Servicing.DoAbort"/>): when
    /// it fails, the error handler records it without a <c>fail</c> event (the abort fired one), in
    /// maintenance if a step was running.
    /// </summary>
    /// <returns>Whether the abort may go on; false once the error handler has run.</returns>
    public bool TryTearDownAfterAbort(Node node)
    {
        if (!context.Nodes.DriverOf(node).UsesAgent || node.StepsDisableRamdisk)
        {
            return true;
        }

        try
        {
            context.Steps.TearDownInband(node);
            return true;
        }
        catch (IronicException)
        {
            StepsFailed(node, "Failed to tear down cleaning after aborting the operation", setFailState: false, tearDown: false);
            return false;
        }
    }

    /// <summary>
    /// The error handlers' words when tearing the ramdisk down failed too; servicing only says so.
    /// </summary>
    private string AlsoFailedToTearDown(Node node, string error, IronicException failure, bool servicing) =>
        servicing ? $"{error}. Also failed to tear down servicing."
        : context.Profile.TearDownFailureNamesReason
            ? $"{error}. Also Failed to tear down cleaning on node {node.Uuid}, reason: {failure.Message}"
            : $"{error}. Also failed to tear down cleaning.";
}
