namespace IronicCore.Fleet;

/// <summary>What a fleet's own clock events do (the conductor schedules its own).</summary>
internal enum FleetEvent
{
    Arrival,
    PlacementRetry,
    LeaseEnd,
    InstanceDeleteRetry,
    BreakFix,
    NovaTearDown,
    FaultArrival,
    SelfHeal,
    PolicyTick,
    Sample,
    WorkerRelease,
    ConductorDeath,
    OrphanCheck,
    RingRebuild,
    ConductorRestart,
    OperatorShift,
    TicketDone,
    RepairDone,
    HumanVisit,
    RedfishFaultArrival,
}
