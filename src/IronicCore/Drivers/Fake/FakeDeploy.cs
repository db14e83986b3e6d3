using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> deploy interface: its one step, <c>deploy.deploy</c>, succeeds at once,
/// and no agent is booted. As Ironic's, it ignores heartbeats: a fake node placed in a wait state
/// stays there until an operator or a timeout moves it.
/// </summary>
internal sealed class FakeDeploy : IDeployInterface
{
    public static readonly FakeDeploy Instance = new();

    private FakeDeploy()
    {
    }

    public string Name => "fake";

    public bool UsesRamdisk => false;

    public ImmutableArray<StepDefinition> DeploySteps { get; } = [new("deploy", "deploy", 100)];

    public DeployStepResult ExecuteDeployStep(DriverTask task, StepDefinition step, StepRequest? user, IConductorUtils conductor)
    {
        if (FakeSteps.Run(task.Node, task.Now, step, user) is not { } failure)
        {
            return DeployStepResult.Done;
        }

        conductor.DeployFailed(task.Node, $"Deploy step {step.Reference} failed: {failure}.");
        return DeployStepResult.Failed;
    }

    public void Prepare(DriverTask task, IConductorUtils conductor)
    {
    }

    public void CleanUp(DriverTask task)
    {
    }

    /// <summary>The fake deploy leaves the power as it is.</summary>
    public void TearDown(DriverTask task, IConductorUtils conductor)
    {
    }

    /// <summary>
    /// Ironic's <c>FakeDeploy</c> keeps <c>DeployInterface.heartbeat</c> of <c>drivers/base.py</c>,
    /// which only logs that the driver does not support heartbeating: nothing is recorded, no
    /// wait moves on.
    /// </summary>
    public void Heartbeat(DriverTask task, IConductorUtils conductor)
    {
    }
}
