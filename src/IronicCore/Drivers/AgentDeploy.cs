using System.Collections.Immutable;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
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

    /// <summary>
    /// <c>deploy</c> reboots into the agent (fast track: reads the running agent's steps) and
    /// <c>write_image</c> runs in it (both wait for the agent's heartbeat); <c>prepare_instance_boot</c> makes the machine boot its disk;
    /// <c>tear_down_agent</c> powers off and <c>boot_instance</c> on (with <c>disable_power_off</c>,
    /// the agent is locked down instead and the instance booted by a reboot).
    /// </summary>
    public DeployStepResult ExecuteDeployStep(DriverTask task, StepDefinition step, StepRequest? user, IConductorUtils conductor)
    {
        var node = task.Node;
        switch (step.Step)
        {
            case "deploy" when conductor.IsFastTrack(node):
                // Fast track: no reboot; the agent that is up is asked for its deploy steps now, the deployment is checked against them and its list made again (the loop goes on in the new list).
                HeartbeatMixin.RefreshDeploySteps(task, conductor.Options);
                conductor.ValidateDeploySteps(node);
                return DeployStepResult.Done;
            case "deploy":
                // A step before it that rebooted into the agent (a BIOS step) spares the reboot.
                if (!node.StepReboot)
                {
                    conductor.NodePowerAction(node, PowerState.Rebooting);
                }

                node.StepReboot = false;
                return DeployStepResult.Wait;
            case "write_image" when !node.DeployPrepared:
                // Placed in wait call-back without a deploy having prepared it: no image URL.
                throw new KeyErrorException("image_url");
            case "write_image":
                conductor.StartAgentCommand(node, step.Reference);
                return DeployStepResult.Wait;
            case "prepare_instance_boot":
                return PrepareInstanceBoot(task, step, conductor);
            case "tear_down_agent" when !node.DisablePowerOff:
                return TearDownAgent(task, step, conductor);
            case "tear_down_agent":
                return AfterDeployPowerAction(node, step, powerOn: false, conductor);
            case "boot_instance":
                return AfterDeployPowerAction(node, step, powerOn: true, conductor);
            case var _ when !IsOwnStep(step):
                // One of the agent's in-band steps (Ironic's execute_deploy_step finds no out-of-band
                // step of its name): the agent runs it, and its heartbeat reports the command.
                conductor.StartAgentCommand(node, step.Reference);
                return DeployStepResult.Wait;
            default:
                return DeployStepResult.Done;
        }
    }

    /// <summary>Whether the step is one of this interface's out-of-band steps (a loop: this runs for every deploy step).</summary>
    private bool IsOwnStep(StepDefinition step)
    {
        foreach (var own in DeploySteps)
        {
            if (own.Interface == step.Interface && own.Step == step.Step)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Ironic's <c>prepare_instance_boot</c>: the machine set to boot its disk (<c>configure_local_boot</c>),
    /// then the boot interface's <c>prepare_instance</c> (virtual media ejected, PXE files removed);
    /// either failing fails the deployment, the second without the error's text, as Ironic words it.
    /// </summary>
    private static DeployStepResult PrepareInstanceBoot(DriverTask task, StepDefinition step, IConductorUtils conductor)
    {
        var node = task.Node;
        try
        {
            task.Driver.SetBootToDisk(task);
        }
        catch (IronicException failure)
        {
            throw LogAndRaiseDeploymentError(
                conductor,
                node,
                $"Deploy step {step.Reference} failed: Failed to change the boot device to disk when deploying node {node.Uuid}: {failure.Message}");
        }

        try
        {
            task.Driver.Boot.PrepareInstance(task);
        }
        catch (IronicException)
        {
            throw LogAndRaiseDeploymentError(conductor, node, $"Deploy step {step.Reference} failed: Failed to prepare instance for booting");
        }

        return DeployStepResult.Done;
    }

    /// <summary>
    /// Ironic's <c>tear_down_agent</c>: the agent is asked to power the machine off (an agent that
    /// cannot be reached is only logged), the power state is read up to
    /// <c>[agent] post_deploy_get_power_state_retries</c> more times, <c>post_deploy_get_power_state_retry_interval</c>
    /// apart (where agents take time), and a machine still not off is powered off through its BMC.
    /// With <c>driver_info.deploy_forces_oob_reboot</c> the agent only flushes its disks
    /// (<c>standby.sync</c>, which must reach it) and the BMC powers the machine off.
    /// </summary>
    private static DeployStepResult TearDownAgent(DriverTask task, StepDefinition step, IConductorUtils conductor)
    {
        var node = task.Node;
        try
        {
            if (node.DriverInfo.TryGetValue("deploy_forces_oob_reboot", out var forced) && OsloBool.FromString(forced))
            {
                AgentClient.Command(task, "standby.sync", conductor.Options);
                conductor.NodePowerAction(node, PowerState.PowerOff);
                return DeployStepResult.Done;
            }

            try
            {
                AgentClient.Command(task, "standby.power_off", conductor.Options);
                task.Machine.SetPowerState(PowerState.PowerOff);
            }
            catch (Exception error) when (error is AgentConnectionFailedException or AgentInProgressException)
            {
                // Ironic logs the failed soft power off and goes on to check the power state.
            }

            if (!PoweredOff(task, conductor.Options.Agent))
            {
                conductor.NodePowerAction(node, PowerState.PowerOff);
            }

            return DeployStepResult.Done;
        }
        catch (IronicException failure)
        {
            throw LogAndRaiseDeploymentError(
                conductor, node, $"Deploy step {step.Reference} failed: Error rebooting node {node.Uuid} after deploy. {failure.IronicClass}: {failure.Message}");
        }
    }

    /// <summary>Whether the power interface reports the machine off within the configured reads; a failed read counts as not off.</summary>
    private static bool PoweredOff(DriverTask task, AgentOptions options)
    {
        var attempts = Math.Max(1, options.PostDeployGetPowerStateRetries + 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (task.Driver.Power.GetPowerState(task) == PowerState.PowerOff)
                {
                    return true;
                }
            }
            catch (IronicException)
            {
                // Read again, as Ironic's retry does on any error.
            }

            if (attempt >= attempts)
            {
                return false;
            }

            if (task.Machine.Agent.Timed && options.PostDeployGetPowerStateRetryInterval > TimeSpan.Zero)
            {
                task.Wait(options.PostDeployGetPowerStateRetryInterval);
            }
        }
    }

    /// <summary>
    /// The power action of <c>tear_down_agent</c> or <c>boot_instance</c>; its failure fails the
    /// deployment through <c>set_failed_state</c>, in Ironic's words.
    /// </summary>
    private static DeployStepResult AfterDeployPowerAction(Node node, StepDefinition step, bool powerOn, IConductorUtils conductor)
    {
        try
        {
            if (powerOn)
            {
                conductor.PowerOnAfterBootChange(node);
            }
            else
            {
                conductor.PowerOffToChangeBoot(node);
            }

            return DeployStepResult.Done;
        }
        catch (IronicException failure)
        {
            throw LogAndRaiseDeploymentError(
                conductor,
                node,
                $"Deploy step {step.Reference} failed: Error {(powerOn ? "booting" : "rebooting")} node {node.Uuid} after deploy. {failure.IronicClass}: {failure.Message}");
        }
    }

    /// <summary>
    /// Ironic's <c>log_and_raise_deployment_error</c>: the deployment failed (<c>set_failed_state</c>),
    /// then the step raises, so the deployment's step loop sees an exception in a failed deployment.
    /// </summary>
    /// <returns>The error for the step to throw.</returns>
    private static InstanceDeployFailureException LogAndRaiseDeploymentError(IConductorUtils conductor, Node node, string error)
    {
        conductor.SetFailedState(node, error);
        return new InstanceDeployFailureException(error, 500);
    }

    /// <summary>
    /// The node's boot volume checked (<c>populate_storage_driver_internal_info</c>); then powered
    /// off before every deployment (the agent's boot starts from a known state) and the agent's boot
    /// prepared (<c>prepare_agent_boot</c>), unless fast track reuses the agent that is up; (master)
    /// a node with <c>disable_power_off</c> is not powered off. A node taken over (active or
    /// unrescuing, and adopted from 2025.1 on) gets its instance's boot prepared instead, which
    /// reaches the BMC; 21.4 leaves an adopting node alone.
    /// </summary>
    public void Prepare(DriverTask task, IConductorUtils conductor)
    {
        var node = task.Node;
        conductor.PopulateStorageInfo(node);
        if (node.ProvisionState is ProvisionState.Active or ProvisionState.Unrescuing
            || (node.ProvisionState == ProvisionState.Adopting && conductor.Profile.AdoptionPreparesInstanceBoot))
        {
            task.Driver.Boot.PrepareInstance(task);
            return;
        }

        if (node.ProvisionState != ProvisionState.Deploying || conductor.IsFastTrack(node))
        {
            return;
        }

        if (!node.DisablePowerOff)
        {
            conductor.NodePowerAction(node, PowerState.PowerOff);
        }

        conductor.PrepareRamdisk(node);
    }

    /// <summary>The ramdisk's and the instance's boot are cleaned up; the power is left as it is.</summary>
    public void CleanUp(DriverTask task)
    {
        task.Driver.Boot.CleanUpRamdisk(task);
        task.Driver.Boot.CleanUpInstance(task);
    }

    /// <summary>Powered off (master: unless the node has <c>disable_power_off</c>).</summary>
    public void TearDown(DriverTask task, IConductorUtils conductor)
    {
        if (!task.Node.DisablePowerOff)
        {
            conductor.NodePowerAction(task.Node, PowerState.PowerOff);
        }
    }

    public void Heartbeat(DriverTask task, IConductorUtils conductor) => HeartbeatMixin.Heartbeat(task, conductor);
}
