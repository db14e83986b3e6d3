using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic master's <c>autodetect</c> deploy interface (<c>drivers/modules/autodetect.py</c>): it
/// deploys nothing itself. A deploy (and an adoption) first switches the node to the concrete
/// interface <c>[DEFAULT] autodetect_deploy_interfaces</c> picks for it (the conductor's
/// <c>Autodetect</c>), which cleaning switches back from when it ends. Until then the node has no
/// ramdisk: like the base <c>DeployInterface</c>, it prepares nothing for cleaning and declares no
/// clean steps, so automated cleaning has nothing to run. Its heartbeats are
/// <see cref="HeartbeatMixin"/>'s (Ironic's class inherits it).
/// </summary>
internal sealed class AutodetectDeploy : IDeployInterface
{
    public const string InterfaceName = "autodetect";

    public static readonly AutodetectDeploy Instance = new();

    private const string NotSwitched =
        "Autodetect deploy interface did not switch to a concrete interface during switch_interface(). This indicates a bug or misconfiguration.";

    private AutodetectDeploy()
    {
    }

    public string Name => InterfaceName;

    public bool UsesRamdisk => false;

    public ImmutableArray<StepDefinition> DeploySteps { get; } = [new("deploy", "deploy", 100)];

    public DeployStepResult ExecuteDeployStep(DriverTask task, StepDefinition step, StepRequest? user, IConductorUtils conductor) =>
        throw new InstanceDeployFailureException(NotSwitched, 500);

    public void Prepare(DriverTask task, IConductorUtils conductor) => throw new InstanceDeployFailureException(NotSwitched, 500);

    public void CleanUp(DriverTask task)
    {
    }

    public void TearDown(DriverTask task, IConductorUtils conductor)
    {
    }

    public void Heartbeat(DriverTask task, IConductorUtils conductor) => HeartbeatMixin.Heartbeat(task, conductor);
}
