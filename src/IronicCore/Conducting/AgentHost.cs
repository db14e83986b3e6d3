using IronicCore.Agent;
using IronicCore.Drivers;
using IronicCore.States;

namespace IronicCore.Conducting;

/// <summary>
/// Where the simulated agents meet the rest of the simulation: their calls to the ramdisk API
/// by slot, the machines' power-ons that boot them, and the image transfers of their hardware
/// type that they boot and download over. The callbacks are made once, as every node's machine
/// and task hold them.
/// </summary>
internal sealed class AgentHost : IAgentEnvironment
{
    private readonly ConductorContext context;

    public AgentHost(ConductorContext context)
    {
        this.context = context;
        MachineHost = new MachineHost(machine => context.Agents.Boot(machine.Index, machine.Agent), context.Nodes.RecordedPowerState, context.Nodes.PowerSyncQuiet);
        TaskHost = new DriverTaskHost(
            context.Clock,
            ImageDownloaded: (task, error) =>
            {
                if (context.Nodes[task.Slot] is not null)
                {
                    context.Agents.ImageDownloaded(task.Slot, context.Nodes.MachineAt(task.Slot).Agent, task.DownloadGeneration, error);
                }
            },
            RamdiskFetched: task =>
            {
                if (context.Nodes[task.Slot] is not null)
                {
                    context.Agents.RamdiskFetched(task.Slot, context.Nodes.MachineAt(task.Slot).Agent, task.DownloadGeneration);
                }
            },
            PowerAction: (task, action) => context.Power.NodePowerAction(task.Node, action),
            StepResumed: (task, error) =>
            {
                if (context.Nodes[task.Slot] is { } node)
                {
                    context.Steps.DriverSteps.ResumeByDriver(node, error);
                }
            },
            IsFastTrack: task => context.Steps.IsFastTrack(task.Node));
    }

    /// <summary>What every node's machine calls back (a power-on or reboot boots its agent), with the recorded power states and the quiet power sync slots.</summary>
    public MachineHost MachineHost { get; }

    /// <summary>
    /// What every node's task calls back (an image download ended, the ramdisk fetched, a driver's
    /// <c>node_power_action</c>, a waiting step's poll found what it waited for), with the clock.
    /// </summary>
    public DriverTaskHost TaskHost { get; }

    public string? TryLookup(int slot) => context.RamdiskApi.TryLookup(Existing(slot));

    public string? PregeneratedToken(int slot) => Existing(slot) is { AgentTokenPregenerated: true } node ? node.AgentToken : null;

    public HeartbeatAnswer TryHeartbeat(int slot, string callbackUrl, string agentVersion, string? agentToken) =>
        context.RamdiskApi.TryHeartbeat(Existing(slot), callbackUrl, agentVersion, agentToken);

    public TimeSpan PowerOnDelay(int slot) => context.Nodes.TaskAt(slot).Elapsed;

    public bool BeginRamdiskFetch(int slot, long generation)
    {
        var task = context.Nodes.TaskAt(slot);
        if (context.Nodes[slot] is null || task.Driver.Type.ImageTransfer is not { } transfer)
        {
            return false;
        }

        task.DownloadGeneration = generation;
        transfer.BeginRamdiskFetch(task);
        return true;
    }

    public bool BeginImageDownload(int slot, long generation)
    {
        var task = context.Nodes.TaskAt(slot);
        if (context.Nodes[slot] is null || task.Driver.Type.ImageTransfer is not { } transfer)
        {
            return false;
        }

        task.DownloadGeneration = generation;
        transfer.BeginDownload(task);
        return true;
    }

    // An agent's events and calls come only for a node that exists: its events are dropped once it is deleted.
    private Nodes.Node Existing(int slot) => context.Nodes[slot]!;
}
