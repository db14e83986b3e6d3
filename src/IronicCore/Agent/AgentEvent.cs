namespace IronicCore.Agent;

/// <summary>
/// A timed agent's own clock events. They are scheduled for the conductor's handler, which
/// hands them back to <see cref="AgentRuntime"/>, and share the numbering of the conductor's
/// event kinds (kept in snapshots).
/// </summary>
internal enum AgentEvent
{
    /// <summary>The agent has booted: it starts heartbeating.</summary>
    Boot = 14,

    /// <summary>The agent's next regular heartbeat.</summary>
    Heartbeat = 15,

    /// <summary>A heartbeat that was held up on the way arrives.</summary>
    DelayedHeartbeat = 16,

    /// <summary>The agent's running command ends (or, with a negative generation, the agent dies).</summary>
    CommandDone = 17,
}
