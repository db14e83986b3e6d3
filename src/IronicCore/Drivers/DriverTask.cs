using System.Collections.Immutable;
using IronicCore.Nodes;
using IronicCore.Simulation;
using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// What a driver interface sees of the node it acts on (Ironic's <c>task</c>): the node's
/// identity and <c>driver_info</c>, its simulated machine, and the task's own time line.
/// </summary>
/// <remarks>
/// A driver call that talks to a BMC or waits for it charges that time with <see cref="Wait"/>
/// instead of sleeping: the conductor keeps the node locked until the worker's time has passed
/// on the clock, so the wait is an event, never a thread. One instance per node, reused by every
/// call (no allocation per call). Not thread-safe: used on the simulation's thread only.
/// </remarks>
public sealed partial class DriverTask
{
    private readonly Node node;
    private readonly NodeDriver driver;
    private readonly DriverTaskHost host;

    internal DriverTask(Node node, NodeDriver driver, SimulatedMachine machine, DriverTaskHost host)
    {
        this.node = node;
        this.driver = driver;
        Machine = machine;
        this.host = host;
    }

    /// <summary>The node's slot in the conductor's tables: dense and stable for its lifetime, so drivers can keep per-node state in arrays.</summary>
    public int Slot => node.Index;

    /// <summary>The node's record (Ironic's <c>task.node</c>).</summary>
    internal Node Node => node;

    /// <summary>The node's driver (Ironic's <c>task.driver</c>).</summary>
    internal NodeDriver Driver => driver;

    /// <summary>The node's <c>uuid</c>.</summary>
    public string NodeUuid => node.Uuid;

    /// <summary>The node's <c>driver</c> (its hardware type's name), as Ironic's errors name it.</summary>
    public string DriverName => node.Interfaces.Driver;

    /// <summary>The node's <c>driver_info</c>: the same instance until someone changes it, so a driver may cache what it parsed from it.</summary>
    public ImmutableSortedDictionary<string, string> DriverInfo => node.DriverInfo;

    /// <summary>The node's recorded <c>power_state</c> (what the conductor last stored, not what the machine does).</summary>
    public PowerState? RecordedPowerState => node.PowerState;

    /// <summary>The node's <c>properties</c> (a JSON object), which out-of-band inspection extends.</summary>
    public System.Text.Json.JsonElement Properties => node.Details.Properties;

    /// <summary>The node's <c>provision_state</c> now.</summary>
    public ProvisionState ProvisionState => node.ProvisionState;

    /// <summary>Whether the node is in maintenance.</summary>
    public bool Maintenance => node.Maintenance;

    /// <summary>Whether a task holds the node's lock (its <c>reservation</c> is set).</summary>
    public bool IsLocked => node.Reservation is not null;

    /// <summary>
    /// Ironic's <c>deploy_utils.is_ramdisk_disabled</c>: the cleaning or servicing in progress runs
    /// without the ramdisk agent (asked for with <c>disable_ramdisk</c>, or, in master, because none
    /// of its steps needs it), so a step that reboots is resumed by its interface's poll, not by a heartbeat.
    /// </summary>
    public bool RamdiskDisabled =>
        node.StepsDisableRamdisk && node.ProvisionState is ProvisionState.Cleaning or ProvisionState.CleanWait or ProvisionState.Servicing or ProvisionState.ServiceWait;

    /// <summary>The node's machine: whether its BMC answers, its real power state.</summary>
    public SimulatedMachine Machine { get; }

    /// <summary>The task's current time: the clock's time plus what the task's driver calls have taken so far.</summary>
    public DateTimeOffset Now => host.Clock.GetUtcNow() + Elapsed;

    /// <summary>What the task's driver calls have taken so far in this worker.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The agent generation a started transfer belongs to: a transfer for an agent (or a boot) that has since restarted is ignored.</summary>
    internal long DownloadGeneration { get; set; }

    /// <summary>Charges <paramref name="duration"/> of simulated time to the task (a BMC's answer, a poll interval, a retry's spacing).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public void Wait(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Elapsed += duration;
        node.PowerSyncQuiet?.Clear(node.Index);
    }

    /// <summary>Charges the time until <paramref name="instant"/>, if it is still ahead of <see cref="Now"/>.</summary>
    public void WaitUntil(DateTimeOffset instant)
    {
        var now = Now;
        if (instant > now)
        {
            Elapsed += instant - now;
            node.PowerSyncQuiet?.Clear(node.Index);
        }
    }

    /// <summary>
    /// Reports the end of the image download an <see cref="IImageTransfer"/> started for this
    /// node: the agent's <c>write_image</c> command succeeds, or fails with <paramref name="error"/>
    /// (e.g. a checksum mismatch), and the agent reports back at once.
    /// </summary>
    /// <param name="error">The agent's error text, or null when the image arrived intact.</param>
    public void ImageDownloaded(string? error) => host.ImageDownloaded(this, error);

    /// <summary>
    /// Reports that the machine has the agent's kernel and ramdisk an <see cref="IImageTransfer"/>
    /// fetched for it: the agent starts booting them.
    /// </summary>
    public void RamdiskFetched() => host.RamdiskFetched(this);

    /// <summary>
    /// Ironic's <c>node_power_action</c> from within a driver call (as Ironic's virtual media boot
    /// powers the machine off before it changes the media): the node's power interface acts, the
    /// node's recorded power state follows, and a failure is recorded in <c>last_error</c> and thrown.
    /// </summary>
    /// <param name="action">The power action, e.g. <see cref="PowerState.PowerOff"/>.</param>
    /// <exception cref="Errors.IronicException">The power interface failed.</exception>
    public void NodePowerAction(PowerState action) => host.PowerAction(this, action);

    /// <summary>
    /// Ironic's <c>is_fast_track</c> from within a driver call (as Ironic's virtual media boot keeps
    /// the agent's ISO in for a fast-tracked agent): <c>[deploy] fast_track</c> on, no
    /// <c>last_error</c>, the machine on as its power interface reads it now, and the agent heard
    /// from within <c>fast_track_timeout</c>.
    /// </summary>
    /// <returns>Whether the running agent is reused instead of rebooted.</returns>
    /// <exception cref="Errors.IronicException">The power interface failed to read the machine's power.</exception>
    public bool IsFastTrack() => host.IsFastTrack(this);

    /// <summary>
    /// Ironic's <c>notify_conductor_resume_clean</c> (<c>_service</c>): a driver's own poll found what
    /// a waiting step of its interface waited for; the conductor runs the step again (or the next
    /// one) under the node's lock. Does nothing unless the node waits in <c>clean wait</c> or
    /// <c>service wait</c> on a step and is not locked.
    /// </summary>
    public void ResumeStep() => host.StepResumed(this, null);

    /// <summary>
    /// Ironic's <c>cleaning_error_handler</c> (<c>servicing_error_handler</c>) from a driver's own
    /// poll: the waiting step failed with <paramref name="error"/>; the node fails as a failed step
    /// fails it (maintenance, <c>last_error</c>). Does nothing unless the node waits in
    /// <c>clean wait</c> or <c>service wait</c> on a step and is not locked.
    /// </summary>
    /// <param name="error">The failure, as <c>last_error</c> shows it.</param>
    public void FailStep(string error) => host.StepResumed(this, error);

    /// <summary>
    /// Ironic's <c>add_secret_token(node, pregenerated=True)</c>: virtual media writes a new agent token
    /// into the ISO it builds. A power-off keeps it, and the agent that boots from the ISO holds it (it
    /// still looks itself up once, and the lookup answers it masked).
    /// </summary>
    /// <remarks>
    /// The token's value only has to differ from the node's earlier ones, so it is made from the node
    /// and the instant rather than drawn from the conductor's random stream: the stream's draws (the
    /// UUIDs of later nodes and ports, lookup tokens) stay where they were.
    /// </remarks>
    public void PregenerateAgentToken() =>
        node.SetPregeneratedAgentToken(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{node.Uuid}-{Now.UtcTicks:x}"));

    /// <summary>Ironic's <c>node.touch_provisioning()</c>: the node's wait starts again, so its call-back timeout does too.</summary>
    public void TouchProvisioning() => node.ProvisionUpdatedAt = Now;

    /// <summary>
    /// Ironic's <c>cache_firmware_components</c> called by the firmware interface itself (master
    /// caches after its updates end): the node's cached components follow what the interface reports.
    /// </summary>
    /// <exception cref="Errors.IronicException">The BMC did not answer.</exception>
    public void CacheFirmwareComponents()
    {
        if (driver.Firmware is { } firmware)
        {
            var cached = node.Details.FirmwareComponents;
            var synced = FirmwareComponent.Sync(cached, firmware.ReadComponents(this), Now);
            if (synced != cached)
            {
                node.Details = node.Details with { FirmwareComponents = synced };
            }
        }
    }

    /// <summary>A new worker starts on the node: its time line starts at the clock's time.</summary>
    internal void Begin()
    {
        // Most tasks begin already at zero (a power status read takes no time on fake hardware);
        // not writing then keeps a fleet-wide pass from dirtying every task's memory.
        if (Elapsed != TimeSpan.Zero)
        {
            Elapsed = TimeSpan.Zero;
        }
    }
}
