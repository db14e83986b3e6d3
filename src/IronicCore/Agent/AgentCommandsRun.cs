namespace IronicCore.Agent;

/// <summary>
/// The kinds of command an agent has run since it started, as far as the conductor tells them
/// apart: Ironic takes an agent whose commands are only its <c>get_*_steps</c> as freshly booted.
/// </summary>
[Flags]
internal enum AgentCommandsRun : byte
{
    None = 0,
    GetCleanSteps = 1,
    GetDeploySteps = 2,
    GetServiceSteps = 4,

    /// <summary>Any other command: a step's <c>execute_*_step</c>, <c>standby.power_off</c>, <c>rescue.finalize_rescue</c>.</summary>
    Other = 8,
}
