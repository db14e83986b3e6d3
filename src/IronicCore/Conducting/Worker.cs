namespace IronicCore.Conducting;

/// <summary>The background work a request hands over, run from the clock as a scheduled event's kind.</summary>
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
    AgentBoot,
    AgentHeartbeat,
    AgentDelayedHeartbeat,
    AgentCommandDone,
    PeriodicTick,
    ReleaseLock,
    DeployAbort,
}
