namespace IronicCore.Agent;

/// <summary>The status the ramdisk agent (IPA) reports for a command, by IPA's names.</summary>
public enum AgentCommandStatus : byte
{
    /// <summary><c>RUNNING</c>: still working; the conductor waits for a later heartbeat.</summary>
    Running,

    /// <summary><c>SUCCEEDED</c>: done; the conductor moves to the next step.</summary>
    Succeeded,

    /// <summary><c>FAILED</c>: the step failed; the conductor fails the operation.</summary>
    Failed,

    /// <summary>
    /// <c>CLEAN_VERSION_MISMATCH</c>: the agent restarted with other hardware managers than
    /// those its steps were planned with; the conductor reads its steps again.
    /// </summary>
    VersionMismatch,
}
