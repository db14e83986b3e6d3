using IronicCore.Steps;

namespace IronicCore.Agent;

/// <summary>The agent's latest step command: which kind and step it runs, its status, and the error if it failed.</summary>
internal sealed class AgentCommand(StepKind? kind, StepReference step, AgentCommandStatus status, bool statusForced, string? error)
{
    /// <summary>
    /// <c>execute_clean_step</c>, <c>execute_deploy_step</c> or <c>execute_service_step</c>; null for a
    /// command read from a format-6 snapshot, which did not keep it: taken as the kind asked about.
    /// </summary>
    public StepKind? Kind { get; } = kind;

    public StepReference Step { get; } = step;

    public AgentCommandStatus Status { get; set; } = status;

    /// <summary>Set by the simulation (an <c>agent_result</c>): the status stays until changed again.</summary>
    public bool StatusForced { get; set; } = statusForced;

    public string? Error { get; set; } = error;

    /// <summary>The failure's details as the agent reports them; a failure set with no reason reads as the oracle's agent words it.</summary>
    /// <param name="kind"><c>clean</c>, <c>deploy</c> or <c>service</c>: the kind of step the command ran.</param>
    public string Details(string kind) => Error ?? $"simulated {kind} step failure";

    /// <summary>The command's name in the agent's list, as IPA reports it.</summary>
    public string Name => Kind switch
    {
        StepKind.Deploy => "execute_deploy_step",
        StepKind.Service => "execute_service_step",
        _ => "execute_clean_step",
    };

    /// <summary>Whether it is the <c>execute_*_step</c> of <paramref name="kind"/>.</summary>
    public bool Runs(StepKind kind) => Kind is null || Kind == kind;
}
