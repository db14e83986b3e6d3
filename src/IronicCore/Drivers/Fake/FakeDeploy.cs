using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers.Fake;

/// <summary>
/// Ironic's <c>fake</c> deploy interface: its one step, <c>deploy.deploy</c>, succeeds at once,
/// and no agent is booted. A heartbeat is Ironic's base <c>DeployInterface.heartbeat</c>: it only
/// logs that the interface does not take heartbeats, so a fake node placed in a wait state stays there.
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
        if (FakeSteps.Run(step, user) is not { } failure)
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

    public void Heartbeat(DriverTask task, IConductorUtils conductor)
    {
    }
}
