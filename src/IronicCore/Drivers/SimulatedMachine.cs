using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// The physical machine behind a node, as its BMC would report it: whether the BMC answers,
/// and the machine's real power state, which can change behind the conductor's back.
/// Not thread-safe: drive it from the simulation's thread.
/// </summary>
public sealed partial class SimulatedMachine
{
    private readonly MachineHost host;
    private PowerState? power;
    private bool reachable = true;

    /// <param name="index">The node's slot.</param>
    /// <param name="powerState">The machine's power when it keeps its own.</param>
    /// <param name="agent">Its ramdisk agent.</param>
    /// <param name="host">The conductor's side: what boots the agent, the recorded power states, the quiet power sync slots.</param>
    /// <param name="tracked">Whether its power interface reads the machine (every one but Ironic's fake power).</param>
    internal SimulatedMachine(
        int index, PowerState? powerState, Agent.SimulatedAgent agent, MachineHost host, bool tracked)
    {
        Index = index;
        power = powerState;
        Agent = agent;
        this.host = host;
        Tracked = tracked;
    }

    /// <summary>The node's slot in the conductor's tables.</summary>
    internal int Index { get; }

    /// <summary>The ramdisk agent that runs on the machine while it is on.</summary>
    internal Agent.SimulatedAgent Agent { get; }

    /// <summary>The URL the machine's ramdisk agent reports in its heartbeats (<c>agent_url</c>), e.g. <c>https://10.0.0.7:9999</c>.</summary>
    public string AgentCallbackUrl => Agent.CallbackUrl;

    /// <summary>
    /// Changes whenever the machine's agent starts or stops (a power-on, power-off or reboot): a
    /// harness that plays the agent tells one boot from the next by it (an agent holding a
    /// pregenerated token looks itself up once a boot, see <see cref="Conductor.IsAgentTokenPregenerated"/>).
    /// </summary>
    public long AgentGeneration => Agent.Generation;

    /// <summary>
    /// Whether the BMC answers. An unreachable BMC fails every power call (the fake power
    /// interface and ipmitool with <c>IPMIFailure</c>). Setting it, as a <c>bmc</c> fault does,
    /// makes the machine keep a power state of its own from then on.
    /// </summary>
    public bool Reachable
    {
        get => reachable;
        set
        {
            Track();
            reachable = value;
            host.PowerSyncQuiet.Clear(Index);
        }
    }

    /// <summary>
    /// A hardware fault the ramdisk agent's hardware manager finds on the machine (a broken disk
    /// or memory), as the error its steps fail with; null while the hardware is whole. While set,
    /// every step of an agent acting on its own (a fleet's) fails with it.
    /// </summary>
    public string? HardwareFault
    {
        get => Agent.HardwareFault;
        set => Agent.HardwareFault = value;
    }

    /// <summary>
    /// The machine's real power state (null until anything powered it): what its power interface
    /// last did to it, or someone behind the conductor's back. Ironic's fake power interface
    /// does not read it until the machine is <see cref="Tracked"/>: it echoes the node's recorded
    /// <c>power_state</c>, which can differ (Ironic records a node on before a power-on that then
    /// sees nothing to do). Reading it changes nothing.
    /// </summary>
    public PowerState? PowerState => power;

    /// <summary>
    /// What the machine boots from when it powers on, as its BMC was last told; null until a
    /// management interface sets it (the firmware tries the network first). A machine that boots
    /// from <see cref="Drivers.BootDevice.Disk"/> runs its instance, not the ramdisk agent.
    /// </summary>
    public BootDevice? BootDevice { get; set; }

    /// <summary>
    /// Raised each time the machine starts (powered on from off, or reset), once its agent has
    /// started or stayed down: where a BMC does what real BMCs do at boot (a one-time boot override
    /// ends, pending firmware settings apply). Raised on the simulation's thread.
    /// </summary>
    public event EventHandler? Booted;

    /// <summary>
    /// Whether the power interface reads the machine's own state: always, except with Ironic's
    /// fake power, which echoes the node's record until something changes the machine behind
    /// the conductor's back (<see cref="Reachable"/>, <see cref="SetPowerState"/>) or its agent
    /// powers it off.
    /// </summary>
    internal bool Tracked { get; private set; }

    /// <summary>
    /// Changes the machine's real power state, e.g. someone pressed its power button or a BMC
    /// obeyed a command; setting the state it already has changes nothing, except that a
    /// power-off always stops the agent.
    /// </summary>
    /// <param name="powerState"><see cref="States.PowerState.PowerOn"/> or <see cref="States.PowerState.PowerOff"/>.</param>
    public void SetPowerState(PowerState powerState)
    {
        if (powerState is not (States.PowerState.PowerOn or States.PowerState.PowerOff))
        {
            throw new ArgumentOutOfRangeException(nameof(powerState), powerState, "A machine is either powered on or off.");
        }

        Track();
        Drive(powerState);
    }

    /// <summary>
    /// The fake power interface powers the machine on or off. A machine already on keeps running
    /// (and so does its agent); only a change, or a power-off, restarts or stops the agent (the
    /// oracle's machine does the same).
    /// </summary>
    internal void Drive(PowerState powerState)
    {
        var changed = powerState != power || powerState == States.PowerState.PowerOff;
        power = powerState;
        host.PowerSyncQuiet.Clear(Index);
        if (changed)
        {
            PowerChanged(powerState);
        }
    }

    /// <summary>A reset: the machine is on afterwards and its agent starts afresh, whatever its state before.</summary>
    internal void Reboot()
    {
        power = States.PowerState.PowerOn;
        host.PowerSyncQuiet.Clear(Index);
        PowerChanged(States.PowerState.PowerOn);
    }

    /// <summary>The machine's power changed: the agent starts with a power-on or reboot (unless the machine boots its disk), and stops with a power-off.</summary>
    private void PowerChanged(PowerState action)
    {
        if (action is States.PowerState.PowerOff or States.PowerState.SoftPowerOff || BootDevice == Drivers.BootDevice.Disk)
        {
            Agent.Stop();
        }
        else
        {
            host.BootAgent(this);
        }

        if (action == States.PowerState.PowerOn)
        {
            Booted?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Starts keeping a power state of its own, from the one the conductor last recorded (off if none), as the oracle's BMC does.</summary>
    private void Track()
    {
        if (Tracked)
        {
            return;
        }

        power = host.RecordedPowerState(Index) ?? States.PowerState.PowerOff;
        Tracked = true;
        host.PowerSyncQuiet.Clear(Index);

        // The recorded state can differ from what the fake power interface last did (Ironic
        // records "power on" before the power-on that then sees nothing to do); as the oracle's
        // BMC does, the machine takes the record as its real state, and its agent answers
        // exactly while it is on.
        if ((power == States.PowerState.PowerOn) != Agent.Running)
        {
            PowerChanged(power.Value);
        }
    }
}
