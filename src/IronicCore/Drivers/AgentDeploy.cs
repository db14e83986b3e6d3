using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>direct</c> deploy interface (<c>AgentDeploy</c>, <c>drivers/modules/agent.py</c>):
/// cleaning, servicing and deployment boot the ramdisk agent, which runs the interface's steps
/// (<c>write_image</c>, the agent's clean steps); its heartbeats drive the operation on.
/// </summary>
internal sealed class AgentDeploy : IDeployInterface
{
    public static readonly AgentDeploy Instance = new();

    private AgentDeploy()
    {
    }

    public string Name => "direct";

    public bool UsesRamdisk => true;

    /// <summary>Boot the agent, have it write the image, then make the machine boot the instance.</summary>
    public ImmutableArray<StepDefinition> DeploySteps { get; } =
    [
        new("deploy", "deploy", 100),
        new("deploy", "write_image", 80),
        new("deploy", "prepare_instance_boot", 60),
        new("deploy", "tear_down_agent", 40),
        new("deploy", "switch_to_tenant_network", 30),
        new("deploy", "boot_instance", 20),
    ];

    public void Heartbeat(DriverTask task, IConductorUtils conductor) => HeartbeatMixin.Heartbeat(task, conductor);
}
