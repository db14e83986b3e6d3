using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>The agent's latest command: which step it runs, its status, and the error if it failed.</summary>
internal sealed class AgentCommand(StepReference step, AgentCommandStatus status, bool statusForced, string? error)
{
    public StepReference Step { get; } = step;

    public AgentCommandStatus Status { get; set; } = status;

    /// <summary>Set by the simulation (an <c>agent_result</c>): the status stays until changed again.</summary>
    public bool StatusForced { get; set; } = statusForced;

    public string? Error { get; set; } = error;

    /// <summary>The failure's details as the agent reports them; a failure set with no reason reads as the oracle's agent words it.</summary>
    /// <param name="kind"><c>clean</c>, <c>deploy</c> or <c>service</c>: the kind of step the command ran.</param>
    public string Details(string kind) => Error ?? $"simulated {kind} step failure";
}
