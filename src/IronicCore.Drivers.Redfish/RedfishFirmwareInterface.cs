using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.Simulation;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> firmware interface (<c>RedfishFirmware</c>, 2023.2 on): the system's BIOS
/// version and its manager's firmware version cached as the node's <c>bios</c> and <c>bmc</c>
/// components, and the step <c>update</c> (clean, service and deploy), which hands each image to the BMC's
/// <c>UpdateService.SimpleUpdate</c> and follows the BMC's task with a poll of its own. 2025.1
/// reboots for every image and the poll (every <c>[redfish] firmware_update_fail_interval</c>)
/// takes the task's end; master's rewrite is in <c>RedfishFirmwareInterface.Master.cs</c>.
/// </summary>
internal sealed partial class RedfishFirmwareInterface : IFirmwareInterface, ISimulationEventHandler
{
    private static readonly JsonElement UpdateArgs = JsonElement.Parse("""{"settings": {"description": "A list of dicts with firmware components to be updated", "required": true}}""");

    private readonly RedfishClient client;
    private readonly SimulationClock clock;
    private readonly List<RedfishFirmwareUpdates?> updates = [];
    private DateTimeOffset periodicStart;

    public RedfishFirmwareInterface(RedfishClient client, SimulationClock clock)
    {
        this.client = client;
        this.clock = clock;
        periodicStart = clock.GetUtcNow();
        var update = new StepDefinition("firmware", "update", 0, Abortable: false, ArgsInfo: UpdateArgs);
        CleanSteps = [update];
        ServiceSteps = [Master ? update with { RequiresRamdisk = false } : update];
        DeploySteps = [update];
    }

    public string Name => "redfish";

    public ImmutableArray<StepDefinition> CleanSteps { get; }

    public ImmutableArray<StepDefinition> ServiceSteps { get; }

    /// <summary><c>update</c> (priority 0): a deployment runs it when it asks for it.</summary>
    public ImmutableArray<StepDefinition> DeploySteps { get; }

    /// <summary>2025.1's <c>update</c> carries <c>@cache_firmware_components</c>; master caches when its updates end.</summary>
    public bool CachesAfterStep => !Master;

    private bool Master => client.Release == IronicRelease.Master;

    public bool IsPolling(DriverTask task) => HasUpdates(task);

    public bool HasUpdates(DriverTask task) => Of(task.Slot) is not null;

    public void Validate(DriverTask task) => client.InfoOf(task);

    /// <summary>Ironic's <c>cache_firmware_components</c>: the system's <c>BiosVersion</c>, then its manager's <c>FirmwareVersion</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ReadComponents(DriverTask task)
    {
        var system = client.GetSystem(task);
        client.Charge(task, client.Behaviour.RequestLatency);
        return [new("bios", system.Firmware.BiosVersion), new("bmc", system.Firmware.BmcVersion)];
    }

    /// <summary>Ironic's <c>update</c>: the settings checked against the schema, the first image handed to the BMC.</summary>
    public DriverStepOutcome ExecuteStep(DriverTask task, StepDefinition definition, StepRequest? user)
    {
        var settings = user?.Args is { ValueKind: JsonValueKind.Object } args && args.TryGetProperty("settings", out var given) ? given : default;
        FirmwareUpdateSchema.Validate(settings, Master);
        var state = new RedfishFirmwareUpdates(task, (Of(task.Slot)?.Generation ?? 0) + 1) { StartedAt = task.Now };
        foreach (var setting in settings.EnumerateArray())
        {
            var component = setting.GetProperty("component").GetString()!;
            if (component.StartsWith("nic:", StringComparison.Ordinal))
            {
                throw new RedfishErrorException($"Firmware updates of NIC components ({component}) are not simulated.");
            }

            state.Settings.Add(new RedfishFirmwareUpdate(component, setting.GetProperty("url").GetString()!, setting.TryGetProperty("wait", out var wait) ? wait.GetInt64() : null));
        }

        var system = client.GetSystem(task);
        Execute(task, state, system);
        Set(task.Slot, state);
        SchedulePoll(task.Slot, state);
        return Master ? DriverStepOutcome.Poll : DriverStepOutcome.RebootToPoll;
    }

    /// <summary>The poll of one node (Ironic's <c>_query_update_status</c>, and <c>_query_update_failed</c> for a node whose step failed).</summary>
    public void Handle(in ScheduledEvent scheduled)
    {
        if (Of(scheduled.Subject) is not { Task: { } task } state || state.Generation != scheduled.Token)
        {
            return;
        }

        if (task.ProvisionState is ProvisionState.CleanFailed or ProvisionState.ServiceFailed or ProvisionState.DeployFailed)
        {
            // The failed-update poll (nodes in maintenance only: a failed deployment is not) discards
            // what is left, so leaving maintenance does not resume it.
            if (task.Maintenance)
            {
                Set(scheduled.Subject, null);
            }
            else
            {
                SchedulePoll(scheduled.Subject, state);
            }

            return;
        }

        if (task.ProvisionState is ProvisionState.CleanWait or ProvisionState.ServiceWait or ProvisionState.WaitCallBack && !task.IsLocked)
        {
            try
            {
                if (Master)
                {
                    CheckMaster(task, state);
                }
                else
                {
                    Check(task, state);
                }
            }
            catch (IronicException)
            {
                // Ironic's periodic logs what the poll raised and visits the node again next time.
            }
        }

        if (ReferenceEquals(Of(scheduled.Subject), state))
        {
            SchedulePoll(scheduled.Subject, state);
        }
    }

    /// <summary>2025.1's <c>_check_node_redfish_firmware_update</c>.</summary>
    private void Check(DriverTask task, RedfishFirmwareUpdates state)
    {
        if (UpdateService(task) is not { } system)
        {
            return;
        }

        var current = state.Settings[0];
        switch (WaitEnded(task, current))
        {
            case true:
                Continue(task, state, system);
                return;
            case false:
                return;
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        var bmcTask = system.Bmc.TaskAt(current.Monitor!);
        switch (bmcTask?.State)
        {
            case null or RedfishUpdateTaskState.Completed:
                // A task the BMC no longer has is taken as a success, as Ironic takes it.
                Continue(task, state, system);
                break;
            case RedfishUpdateTaskState.Exception:
                Failed(task, current, bmcTask);
                break;
        }
    }

    /// <summary>2025.1's <c>_continue_updates</c>: wait if asked, then the next image (with a reboot) or the step's end.</summary>
    private void Continue(DriverTask task, RedfishFirmwareUpdates state, RedfishSystem system)
    {
        var current = state.Settings[0];
        if (current.Wait is > 0)
        {
            current.WaitStart = task.Now;
            return;
        }

        if (state.Settings.Count == 1)
        {
            Set(task.Slot, null);
            task.ResumeStep();
            return;
        }

        state.Settings.RemoveAt(0);
        Execute(task, state, system);
        task.NodePowerAction(PowerState.Rebooting);
    }

    /// <summary>The task ended in failure: the updates are forgotten and the step fails with the task's messages.</summary>
    private void Failed(DriverTask task, RedfishFirmwareUpdate current, RedfishUpdateTask bmcTask)
    {
        Set(task.Slot, null);
        task.FailStep($"Firmware update failed for node {task.NodeUuid}, firmware {current.Url}. Error: {bmcTask.Message}");
    }

    /// <summary>
    /// Ironic's <c>_execute_firmware_update</c>: the image staged (an http or https URL is served from
    /// where it is, as <c>[redfish] firmware_source = http</c> leaves it) and <c>SimpleUpdate</c> posted;
    /// master then sets up the component's monitoring.
    /// </summary>
    private void Execute(DriverTask task, RedfishFirmwareUpdates state, RedfishSystem system)
    {
        var current = state.Settings[0];
        if (!Uri.TryCreate(current.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new RedfishErrorException($"Firmware images are simulated only at http and https URLs, not {current.Url}: staging them (swift, file) is not simulated.");
        }

        client.Charge(task, client.Behaviour.RequestLatency);
        current.Monitor = system.Bmc.SimpleUpdate(system, current.Url).MonitorPath;
        if (Master)
        {
            SetUpMonitoring(task, state, current);
        }
    }

    /// <summary>The next instant of the node periodic (every spacing from the conductor's start) after now.</summary>
    private void SchedulePoll(int slot, RedfishFirmwareUpdates state)
    {
        // 2025.1 registers its status poll with the fail poll's spacing.
        var spacing = Master ? client.Options.FirmwareUpdateStatusInterval : client.Options.FirmwareUpdateFailInterval;
        if (spacing <= TimeSpan.Zero)
        {
            return;
        }

        var elapsed = clock.GetUtcNow() - periodicStart;
        clock.ScheduleAt(periodicStart + (spacing * (Math.Floor(elapsed / spacing) + 1)), this, 0, slot, state.Generation);
    }

    /// <summary>Ironic's <c>get_update_service</c>: the BMC, or null when it cannot be reached (a BMC being updated is away for a while: Ironic tries at the next poll).</summary>
    private RedfishSystem? UpdateService(DriverTask task)
    {
        try
        {
            return client.GetSystem(task);
        }
        catch (RedfishConnectionErrorException)
        {
            return null;
        }
    }

    /// <summary>The update's <c>wait</c> after its task: null when it does not wait, false while the wait lasts, true once it is over (then forgotten).</summary>
    private static bool? WaitEnded(DriverTask task, RedfishFirmwareUpdate current)
    {
        if (current.WaitStart is not { } start)
        {
            return null;
        }

        if (WholeSeconds(task.Now - start) < current.Wait)
        {
            return false;
        }

        current.Wait = null;
        current.WaitStart = null;
        return true;
    }

    /// <summary>Python's <c>timedelta.seconds</c> of a non-negative span under a day.</summary>
    private static long WholeSeconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds) % 86400;

    private RedfishFirmwareUpdates? Of(int slot) => slot < updates.Count ? updates[slot] : null;

    private void Set(int slot, RedfishFirmwareUpdates? state)
    {
        while (updates.Count <= slot)
        {
            updates.Add(null);
        }

        updates[slot] = state;
    }
}
