using System.Collections.Immutable;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A node's deploy interface (Ironic's <c>DeployInterface</c>, the node's <c>deploy_interface</c>):
/// how an instance gets onto the machine, and whether cleaning, servicing and deployment run
/// through the ramdisk agent. It also takes the agent's heartbeats (Ironic's
/// <c>HeartbeatMixin</c>), acting on them through the conductor's <see cref="IConductorUtils"/>.
/// </summary>
internal interface IDeployInterface
{
    /// <summary>The interface's name, e.g. <c>fake</c> or <c>direct</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the interface boots the ramdisk agent for cleaning, servicing and deployment, and
    /// its own steps run in the agent (Ironic's <c>AgentBaseMixin</c>).
    /// </summary>
    bool UsesRamdisk { get; }

    /// <summary>The interface's deploy steps, as Ironic's <c>get_deploy_steps</c> returns them.</summary>
    ImmutableArray<StepDefinition> DeploySteps { get; }

    /// <summary>Ironic's <c>execute_deploy_step</c>: runs one of <see cref="DeploySteps"/>.</summary>
    DeployStepResult ExecuteDeployStep(DriverTask task, StepDefinition step, StepRequest? user, IConductorUtils conductor);

    /// <summary>Ironic's <c>prepare</c>, before a deployment's steps: what the machine needs first.</summary>
    /// <exception cref="Errors.IronicException">It failed: the deployment fails ("Failed to prepare to deploy").</exception>
    void Prepare(DriverTask task, IConductorUtils conductor);

    /// <summary>Ironic's <c>clean_up</c>: undoes what deploying prepared (after a failure or an abort).</summary>
    void CleanUp(DriverTask task);

    /// <summary>Ironic's <c>tear_down</c>, after <see cref="CleanUp"/> when a deployed node is undeployed.</summary>
    /// <exception cref="Errors.IronicException">It failed: the node goes to <c>error</c> ("Failed to tear down").</exception>
    void TearDown(DriverTask task, IConductorUtils conductor);

    /// <summary>Ironic's <c>heartbeat</c>: an agent's heartbeat, run as its worker.</summary>
    void Heartbeat(DriverTask task, IConductorUtils conductor);
}
