using IronicCore.Agent;

namespace IronicCore.Conducting;

/// <summary>
/// The kinds of the conductor's clock events: the background work a request hands over, the
/// heartbeats' workers, the simulated agents' own events, periodic ticks and lock releases.
/// The numbers are kept in snapshots.
/// </summary>
internal enum Worker
{
    Verify,
    AutomatedClean,
    ManualClean,
    Deploy,
    TearDown,
    Inspect,
    Adopt,
    Rescue,
    Unrescue,
    CleanAbort,
    RescueAbort,
    Service,
    PowerAction,
    Heartbeat,
    AgentBoot = AgentEvent.Boot,
    AgentHeartbeat = AgentEvent.Heartbeat,
    AgentDelayedHeartbeat = AgentEvent.DelayedHeartbeat,
    AgentCommandDone = AgentEvent.CommandDone,
    PeriodicTick,
    ReleaseLock,
    DeployAbort,
    ServiceAbort,
    ServiceUnhold,
}
