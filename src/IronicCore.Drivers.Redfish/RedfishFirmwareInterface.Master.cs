using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <content>
/// Master's rewritten update (commit 7bc6aba): nothing reboots when the step starts. A <c>bmc</c>
/// image is followed by reading the BMC's version: once it changes, the update is done (another
/// image after it reboots first); if it has not changed <c>[redfish] firmware_update_reboot_delay</c>
/// after the start (or the image's <c>wait</c>) and the task no longer runs, the last update
/// reboots. A <c>bios</c> image reboots as soon as its task runs, and is done when the task ends.
/// The poll (every <c>[redfish] firmware_update_status_interval</c>) keeps the node's call-back
/// timeout away, and fails the step after <c>[redfish] firmware_update_overall_timeout</c>.
/// </content>
internal sealed partial class RedfishFirmwareInterface
{
    /// <summary>Master's <c>_setup_bmc_update_monitoring</c> and <c>_setup_bios_update_monitoring</c>.</summary>
    private void SetUpMonitoring(DriverTask task, RedfishFirmwareUpdates state, RedfishFirmwareUpdate current)
    {
        state.RebootRequested = false;
        state.BmcVersionBefore = null;
        if (current.Component != "bmc")
        {
            state.Reboot = true;
            return;
        }

        state.BmcVersionBefore = BmcVersion(task);
        current.Wait ??= (long)client.Options.FirmwareUpdateRebootDelay.TotalSeconds;
        current.WaitStart = task.Now;
        current.BmcCheckStart = task.Now;
        state.Reboot = false;
    }

    /// <summary>Master's <c>_check_node_redfish_firmware_update</c>.</summary>
    private void CheckMaster(DriverTask task, RedfishFirmwareUpdates state)
    {
        var overall = client.Options.FirmwareUpdateOverallTimeout;
        var elapsed = task.Now - state.StartedAt;
        if (overall > TimeSpan.Zero && elapsed >= overall)
        {
            Set(task.Slot, null);
            task.FailStep($"Firmware update on node {task.NodeUuid} has exceeded the overall timeout of {(long)overall.TotalSeconds} seconds. " +
                $"Elapsed time: {(long)elapsed.TotalSeconds} seconds.");
            return;
        }

        if (UpdateService(task) is not { } system)
        {
            return;
        }

        var current = state.Settings[0];
        if (current.BmcUpdateCompleted)
        {
            current.BmcUpdateCompleted = false;
            ContinueMaster(task, state, system);
            return;
        }

        // Ironic touches provisioning so a step without the ramdisk does not time out.
        task.TouchProvisioning();
        switch (WaitEnded(task, current))
        {
            case true:
                WaitCompleted(task, state, system, current);
                return;
            case false:
                return;
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        var bmcTask = system.Bmc.TaskAt(current.Monitor!);
        if (bmcTask is null)
        {
            // The task is gone: a BIOS image not rebooted for yet is rebooted for (no vendor job check here).
            if (current.Component == "bios" && !current.BiosRebootTriggered)
            {
                RebootForBios(task, current);
                return;
            }

            ContinueMaster(task, state, system);
            return;
        }

        switch (bmcTask.State)
        {
            case RedfishUpdateTaskState.Running when current.Component == "bios" && !current.BiosRebootTriggered:
                RebootForBios(task, current);
                break;
            case RedfishUpdateTaskState.Running:
                break;
            case RedfishUpdateTaskState.Completed when current.Component == "bmc":
                BmcCompleted(task, state, system, current);
                break;
            case RedfishUpdateTaskState.Completed when !current.BiosRebootTriggered:
                RebootForBios(task, current);
                break;
            case RedfishUpdateTaskState.Completed:
                current.BiosRebootTriggered = false;
                ContinueMaster(task, state, system);
                break;
            default:
                Failed(task, current, bmcTask);
                break;
        }
    }

    private static void RebootForBios(DriverTask task, RedfishFirmwareUpdate current)
    {
        current.BiosRebootTriggered = true;
        task.NodePowerAction(PowerState.Rebooting);
    }

    /// <summary>Master's <c>_handle_wait_completion</c>.</summary>
    private void WaitCompleted(DriverTask task, RedfishFirmwareUpdates state, RedfishSystem system, RedfishFirmwareUpdate current)
    {
        if (current.BmcVersionChecking)
        {
            current.BmcVersionChecking = false;
            BmcCompleted(task, state, system, current);
            return;
        }

        if (current.Component == "bmc")
        {
            client.Charge(task, client.Behaviour.RequestLatency);
            if (system.Bmc.TaskAt(current.Monitor!) is { State: RedfishUpdateTaskState.Running })
            {
                // The task still runs: it is followed until it ends.
                return;
            }

            BmcCompleted(task, state, system, current);
            return;
        }

        ContinueMaster(task, state, system);
    }

    /// <summary>Master's <c>_handle_bmc_update_completion</c>: the BMC's version read against the one before.</summary>
    private void BmcCompleted(DriverTask task, RedfishFirmwareUpdates state, RedfishSystem system, RedfishFirmwareUpdate current)
    {
        var version = BmcVersion(task);
        var before = state.BmcVersionBefore;
        if (version is not null && before is not null && version != before)
        {
            state.BmcVersionBefore = null;
            if (state.Settings.Count > 1)
            {
                current.BmcUpdateCompleted = true;
                task.NodePowerAction(PowerState.Rebooting);
                return;
            }

            ContinueMaster(task, state, system);
            return;
        }

        if (current.BmcCheckStart is { } checkStart
            && WholeSeconds(task.Now - checkStart) >= (current.Wait ?? (long)client.Options.FirmwareUpdateRebootDelay.TotalSeconds))
        {
            if (version is null || before is null || version != before)
            {
                state.RebootRequested = true;
                state.Reboot = true;
            }

            state.BmcVersionBefore = null;
            ContinueMaster(task, state, system);
            return;
        }

        current.Wait = (long)client.Options.FirmwareUpdateBmcVersionCheckInterval.TotalSeconds;
        current.WaitStart = task.Now;
        current.BmcVersionChecking = true;
    }

    /// <summary>Master's <c>_continue_updates</c>: wait if asked; then the step's end (a reboot if one was asked, the components cached) or the next image.</summary>
    private void ContinueMaster(DriverTask task, RedfishFirmwareUpdates state, RedfishSystem system)
    {
        var current = state.Settings[0];
        if (current.Wait is > 0)
        {
            current.WaitStart = task.Now;
            return;
        }

        if (state.Settings.Count == 1)
        {
            var reboot = state.RebootRequested;
            Set(task.Slot, null);
            if (reboot)
            {
                task.NodePowerAction(PowerState.Rebooting);
            }

            ValidateStability(task);
            try
            {
                task.CacheFirmwareComponents();
            }
            catch (IronicException)
            {
                // Ironic logs that the components could not be refreshed and resumes the step.
            }

            task.ResumeStep();
            return;
        }

        ValidateStability(task);
        state.Settings.RemoveAt(0);
        Execute(task, state, system);
        if (state.Reboot)
        {
            task.NodePowerAction(PowerState.Rebooting);
        }
    }

    /// <summary>
    /// Master's <c>_validate_resources_stability</c>: the system, its manager and chassis read
    /// <c>firmware_update_required_successes</c> times in a row, <c>firmware_update_validation_interval</c> apart.
    /// </summary>
    /// <exception cref="IronicException">The BMC did not answer.</exception>
    private void ValidateStability(DriverTask task)
    {
        var options = client.Options;
        if (options.FirmwareUpdateRequiredSuccesses == 0 || options.FirmwareUpdateResourceValidationTimeout == TimeSpan.Zero)
        {
            return;
        }

        for (var success = 1; success <= options.FirmwareUpdateRequiredSuccesses; success++)
        {
            client.GetSystem(task);
            client.Charge(task, client.Behaviour.RequestLatency * 2);
            if (success < options.FirmwareUpdateRequiredSuccesses)
            {
                client.Charge(task, options.FirmwareUpdateValidationInterval);
            }
        }
    }

    /// <summary>Master's <c>_get_current_bmc_version</c>: the manager's <c>FirmwareVersion</c>, or null when the BMC does not answer.</summary>
    private string? BmcVersion(DriverTask task)
    {
        try
        {
            var system = client.GetSystem(task);
            client.Charge(task, client.Behaviour.RequestLatency);
            return system.Firmware.BmcVersion;
        }
        catch (IronicException)
        {
            return null;
        }
    }
}
