using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Nodes;

/// <summary>
/// Which of a node's step fields the running operation uses: cleaning and servicing run one
/// list of steps the same way, and the node's provision state says which it is.
/// </summary>
internal static class NodeSteps
{
    /// <summary>Whether the node's steps are service steps (else clean steps).</summary>
    public static bool IsServicing(this Node node) =>
        node.ProvisionState is ProvisionState.Servicing or ProvisionState.ServiceWait
            or ProvisionState.ServiceHold or ProvisionState.ServiceFailed;

    /// <summary>The running step: <c>clean_step</c> or <c>service_step</c>.</summary>
    public static StepReference? CurrentStep(this Node node) => node.IsServicing() ? node.ServiceStep : node.CleanStep;

    public static void SetCurrentStep(this Node node, StepReference? step)
    {
        if (node.IsServicing())
        {
            node.ServiceStep = step;
        }
        else
        {
            node.CleanStep = step;
        }
    }

    /// <summary>A manual clean keeps its target <c>manageable</c> through wait, resume and fail; the others take the machine's.</summary>
    public static ProvisionState? ManualCleanTarget(this Node node) =>
        node.TargetProvisionState == ProvisionState.Manageable ? ProvisionState.Manageable : null;

    /// <summary>
    /// The running step as Ironic's messages quote it: the user's step with what validation
    /// added, or the driver's or agent's whole step; <c>{}</c> when none runs.
    /// </summary>
    public static string DescribeCurrentStep(this Node node)
    {
        if (node.CurrentStep() is null || node.StepIndex is not { } index)
        {
            return "{}";
        }

        var (step, user) = node.StepPlan[index];
        var described = step.IsAsGiven ? user!.Describe() : user?.Describe(step.Abortable, step.Priority) ?? step.Describe();

        // Ironic keeps an abort asked during a non-abortable step inside the step's dict, last.
        return node.AbortAfterStep ? string.Concat(described.AsSpan(0, described.Length - 1), ", 'abort_after': True}") : described;
    }
}
