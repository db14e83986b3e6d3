using System.Collections.Immutable;
using IronicCore.Drivers;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Conducting;

/// <summary>
/// The out-of-band steps of a hardware type's BIOS and firmware interfaces: run on the interface,
/// its settings or components cached on the node afterwards (Ironic's <c>@cache_bios_settings</c>,
/// <c>@cache_firmware_components</c>), and the reboot such a step asks for to finish
/// (<c>deploy_utils.reboot_to_finish_step</c>, which an agent's step that asks for a reboot shares).
/// Also the end a driver's own poll asks for (<c>notify_conductor_resume_clean</c>, or the error handler).
/// </summary>
internal sealed class DriverSteps(ConductorContext context)
{
    /// <summary>
    /// Whether the step is one of the node's BIOS or firmware interface's own, by name (a plan read
    /// from a snapshot holds equal steps, not the same instances).
    /// </summary>
    public static bool IsDriverStep(NodeDriver driver, StepDefinition step) => step.Interface switch
    {
        "bios" => driver.Bios is { } bios && (Declares(bios.CleanSteps, step) || Declares(bios.ServiceSteps, step) || Declares(bios.DeploySteps, step)),
        "firmware" => driver.Firmware is { } firmware && (Declares(firmware.CleanSteps, step) || Declares(firmware.ServiceSteps, step) || Declares(firmware.DeploySteps, step)),
        _ => false,
    };

    private static bool Declares(ImmutableArray<StepDefinition> steps, StepDefinition step)
    {
        foreach (var declared in steps)
        {
            if (declared.Step == step.Step)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs a BIOS or firmware step of <see cref="StepRunner.DoNextStep"/>: true when it is done;
    /// false when it failed (the error handler has run) or left the node waiting.
    /// </summary>
    public bool RunDriverStep(Node node, DriverTask task, StepDefinition step, StepRequest? user)
    {
        try
        {
            if (Run(node, task, step, user))
            {
                return true;
            }
        }
        catch (IronicException failure)
        {
            context.Steps.StepRaised(node, node.DescribeCurrentStep(), failure.Message);
            return false;
        }

        context.Tasks.Fire(node, ProvisionEvent.Wait, node.ManualCleanTarget());
        return false;
    }

    /// <summary>
    /// Runs a BIOS deploy step of <see cref="Deployment.DoNextDeployStep"/>: done, or the node
    /// waits for the reboot it asked for (the agent's heartbeat after it runs the step again).
    /// </summary>
    /// <exception cref="IronicException">The step or its reboot failed: the deployment's handler words it.</exception>
    public DeployStepResult RunDriverDeployStep(Node node, DriverTask task, StepDefinition step, StepRequest? user) =>
        Run(node, task, step, user) ? DeployStepResult.Done : DeployStepResult.Wait;

    /// <summary>The step on its interface, the cache after it, then the reboot it asked for: true when it is done.</summary>
    /// <exception cref="IronicException">The step or its reboot failed.</exception>
    private bool Run(Node node, DriverTask task, StepDefinition step, StepRequest? user)
    {
        var outcome = step.Interface == "firmware" ? RunFirmwareStep(task, step, user) : task.Driver.Bios!.ExecuteStep(task, step, user);
        if (step.Interface == "bios")
        {
            CacheBiosSettings(node, task);
        }

        if (outcome == DriverStepOutcome.Done)
        {
            return true;
        }

        if (outcome != DriverStepOutcome.Poll)
        {
            // Ironic sets a driver step's flags before the reboot, an agent step's reboot flag only
            // once the reboot worked: so the shared reboot leaves the flags to its callers.
            node.StepReboot = true;
            node.SkipCurrentStep = outcome == DriverStepOutcome.RebootToPoll;
            RebootToFinishStep(node);
        }

        return false;
    }

    /// <summary>
    /// Ironic's <c>node_update_cache</c> (29.0 and master: the vendor, the boot mode, the BIOS settings
    /// and the firmware components; 21.4: <c>node_cache_bios_settings</c> alone) at the start of
    /// cleaning and after verification: a failure is only logged by Ironic, so it changes nothing here.
    /// </summary>
    public void TryUpdateCache(Node node)
    {
        var task = context.Nodes.TaskOf(node);
        if (context.Profile.UpdateCacheReadsVendorAndBootMode)
        {
            ManagementCache.CacheVendor(node, task);
            ManagementCache.CacheBootMode(node, task);
        }

        if (task.Driver.Bios is not null)
        {
            try
            {
                CacheBiosSettings(node, task);
            }
            catch (IronicException)
            {
                // Ironic logs "Caching of bios settings failed" and goes on.
            }
        }

        if (task.Driver.Firmware is { } firmware)
        {
            try
            {
                firmware.Validate(task);
                task.CacheFirmwareComponents();
            }
            catch (IronicException)
            {
                // Ironic logs "Caching of firmware components failed" and goes on.
            }
        }
    }

    /// <summary>A firmware step, its components cached after it when the interface's step method says so.</summary>
    private static DriverStepOutcome RunFirmwareStep(DriverTask task, StepDefinition step, StepRequest? user)
    {
        var firmware = task.Driver.Firmware!;
        var outcome = firmware.ExecuteStep(task, step, user);
        if (firmware.CachesAfterStep)
        {
            task.CacheFirmwareComponents();
        }

        return outcome;
    }

    /// <summary>
    /// A driver's poll found what the node's waiting step waited for (Ironic's
    /// <c>notify_conductor_resume_clean</c> or <c>_service</c>): under the node's lock, the step
    /// runs again or the next one does; with an <paramref name="error"/>, the step failed (Ironic's
    /// <c>cleaning_error_handler</c> or <c>servicing_error_handler</c>).
    /// </summary>
    public void ResumeByDriver(Node node, string? error)
    {
        if (node.ProvisionState == ProvisionState.WaitCallBack)
        {
            ResumeDeployByDriver(node, error);
            return;
        }

        if (node.Reservation is not null || node.CurrentStep() is null
            || node.ProvisionState is not (ProvisionState.CleanWait or ProvisionState.ServiceWait))
        {
            return;
        }

        var utils = context.Utils;
        utils.Reserve(node);
        try
        {
            node.StepReboot = false;
            if (error is not null)
            {
                context.StepErrors.StepsFailed(node, error);
                return;
            }

            context.Steps.ResumeSteps(node);
            context.Steps.ContinueSteps(node);
        }
        finally
        {
            utils.Release(node);
        }
    }

    /// <summary>
    /// The deployment's twin of <see cref="ResumeByDriver"/> (Ironic's <c>notify_conductor_resume_deploy</c>,
    /// or <c>deploying_error_handler</c> with an <paramref name="error"/>): the deployment goes on from its waiting step.
    /// </summary>
    private void ResumeDeployByDriver(Node node, string? error)
    {
        if (node.Reservation is not null || node.DeployStep is null)
        {
            return;
        }

        var utils = context.Utils;
        utils.Reserve(node);
        try
        {
            if (error is not null)
            {
                context.Deployment.DeployFailed(node, error);
                return;
            }

            context.Deployment.Resume(node, stepsJustLoaded: false);
        }
        finally
        {
            utils.Release(node);
        }
    }

    /// <summary>
    /// Ironic's <c>BIOSInterface.cache_bios_settings</c> with <c>BIOSSettingList.sync_node_setting</c>:
    /// names the BMC no longer reports are deleted, new ones created, changed values updated (their
    /// <c>updated_at</c> set); the rest are kept as they were.
    /// </summary>
    /// <exception cref="IronicException">The BMC did not answer.</exception>
    private static void CacheBiosSettings(Node node, DriverTask task)
    {
        var reported = task.Driver.Bios!.ReadSettings(task);
        var current = node.Details.BiosSettings;
        if (Unchanged(reported, current))
        {
            // What the sync would make is the cache as it is, setting for setting: keep it, still written.
            node.Details = node.Details;
            return;
        }

        var now = task.Now;
        var result = ImmutableArray.CreateBuilder<BiosSetting>(reported.Count);
        foreach (var (name, value) in reported)
        {
            var existing = Find(current, name);
            result.Add(existing is null ? new BiosSetting(name, value, now, null)
                : existing.Value == value ? existing
                : existing with { Value = value, UpdatedAt = now });
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        node.Details = node.Details with { BiosSettings = result.ToImmutable() };
    }

    /// <summary>
    /// Whether the BMC reports the cached settings in the cache's order with the same values: the
    /// sync would then keep every cached setting as it is (the BMC names each setting once).
    /// </summary>
    private static bool Unchanged(IReadOnlyList<KeyValuePair<string, string?>> reported, ImmutableArray<BiosSetting> current)
    {
        if (reported.Count != current.Length)
        {
            return false;
        }

        for (var i = 0; i < current.Length; i++)
        {
            if (current[i].Name != reported[i].Key || current[i].Value != reported[i].Value
                || (i > 0 && string.CompareOrdinal(current[i - 1].Name, current[i].Name) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cached setting of that name (the first, as Ironic's lookup by name finds it), if any.</summary>
    private static BiosSetting? Find(ImmutableArray<BiosSetting> settings, string name)
    {
        foreach (var setting in settings)
        {
            if (setting.Name == name)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>
    /// Ironic's <c>reboot_to_finish_step</c>, for a BIOS or firmware step and for an agent's step that
    /// asked for a reboot (<c>_post_step_reboot</c>): unless the operation runs without the ramdisk,
    /// <c>is_fast_track</c> reads the machine's power (a fast-tracked agent is powered off, unless the
    /// node has <c>disable_power_off</c>) and the agent's boot is prepared again; then the machine
    /// reboots. The step's flags are the caller's.
    /// </summary>
    /// <exception cref="IronicException">
    /// The power read, a power action or the boot interface failed: the caller's error handler decides.
    /// </exception>
    public void RebootToFinishStep(Node node)
    {
        if (!node.StepsDisableRamdisk)
        {
            // The power read comes first: with the BMC down it fails before any power action could
            // set last_error, which the error handler's own fast-track check then still reads.
            if (context.Steps.IsFastTrack(node) && !node.DisablePowerOff)
            {
                context.Power.NodePowerAction(node, PowerState.PowerOff);
            }

            context.Steps.PrepareRamdisk(node);
        }

        context.Power.NodePowerAction(node, PowerState.Rebooting);
    }
}
