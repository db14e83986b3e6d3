using IronicCore.States;

namespace IronicCore.Drivers;

/// <summary>
/// The physical machine behind a node, as its BMC would report it: whether the BMC answers,
/// and the machine's real power state, which can change behind the conductor's back.
/// Not thread-safe: drive it from the simulation's thread.
/// </summary>
public sealed partial class SimulatedMachine
{
    private readonly Action<SimulatedMachine> bootAgent;

    internal SimulatedMachine(int index, PowerState? powerState, Agent.SimulatedAgent agent, Action<SimulatedMachine> bootAgent)
    {
        Index = index;
        PowerState = powerState;
        Agent = agent;
        this.bootAgent = bootAgent;
    }

    /// <summary>The node's slot in the conductor's tables.</summary>
    internal int Index { get; }

    /// <summary>The ramdisk agent that runs on the machine while it is on.</summary>
    internal Agent.SimulatedAgent Agent { get; }

    /// <summary>The URL the machine's ramdisk agent reports in its heartbeats (<c>agent_url</c>), e.g. <c>https://10.0.0.7:9999</c>.</summary>
    public string AgentCallbackUrl => Agent.CallbackUrl;

    /// <summary>Whether the BMC answers. An unreachable BMC fails every power call (the fake power interface and ipmitool with <c>IPMIFailure</c>).</summary>
    public bool Reachable { get; set; } = true;

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
    /// The machine's real power state, or null while nothing has observed it independently
    /// of the node record: until then Ironic's fake power interface echoes the node's
    /// <c>power_state</c>, as it does in Ironic.
    /// </summary>
    public PowerState? PowerState { get; private set; }

    /// <summary>
    /// What the machine boots from when it powers on, as its BMC was last told; null until a
    /// management interface sets it (the firmware tries the network first). A machine that boots
    /// from <see cref="Drivers.BootDevice.Disk"/> runs its instance, not the ramdisk agent.
    /// </summary>
    public BootDevice? BootDevice { get; set; }

    /// <summary>Whether the machine keeps a power state of its own (set once anything changes it).</summary>
    internal bool Tracked { get; private set; }

    /// <summary>Changes the machine's real power state, e.g. someone pressed its power button; setting the state it already has changes nothing, except that a power-off always stops the agent.</summary>
    /// <param name="powerState"><see cref="States.PowerState.PowerOn"/> or <see cref="States.PowerState.PowerOff"/>.</param>
    public void SetPowerState(PowerState powerState)
    {
        if (powerState is not (States.PowerState.PowerOn or States.PowerState.PowerOff))
        {
            throw new ArgumentOutOfRangeException(nameof(powerState), powerState, "A machine is either powered on or off.");
        }

        // A machine already on keeps running (and so does its agent); only a change, or a
        // power-off, restarts or stops the agent (the oracle's machine does the same).
        var changed = powerState != PowerState || powerState == States.PowerState.PowerOff;
        PowerState = powerState;
        Tracked = true;
        if (changed)
        {
            PowerChanged(powerState);
        }
    }

    /// <summary>A reset: the machine is on afterwards and its agent starts afresh, whatever its state before.</summary>
    internal void Reboot()
    {
        PowerState = States.PowerState.PowerOn;
        Tracked = true;
        PowerChanged(States.PowerState.PowerOn);
    }

    /// <summary>The conductor changed the machine's power: the agent starts with a power-on or reboot (unless the machine boots its disk), and stops with a power-off.</summary>
    internal void PowerChanged(PowerState action)
    {
        if (action is States.PowerState.PowerOff or States.PowerState.SoftPowerOff || BootDevice == Drivers.BootDevice.Disk)
        {
            Agent.Stop();
        }
        else
        {
            bootAgent(this);
        }
    }

    /// <summary>Starts tracking from the state the conductor last recorded, as the oracle's BMC does.</summary>
    internal void Track(PowerState? recorded)
    {
        if (!Tracked)
        {
            PowerState = recorded ?? States.PowerState.PowerOff;
            Tracked = true;
        }
    }
}
