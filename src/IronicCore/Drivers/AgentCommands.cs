using IronicCore.Agent;
using IronicCore.States;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// How Ironic's agent deploy reads the agent's command list (<c>agent_base.py</c>'s module functions):
/// whether the agent has just booted, and which command, if any, says the running step has ended.
/// </summary>
internal static class AgentCommands
{
    /// <summary>
    /// Ironic's <c>_freshly_booted</c>: the agent has run no command but its <c>get_*_steps</c> of
    /// this kind since it started (21.4: at most one of them), so a reboot a step asked for is over.
    /// </summary>
    public static bool FreshlyBooted(SimulatedAgent agent, StepKind kind, ReleaseProfile profile)
    {
        var query = kind switch
        {
            StepKind.Deploy => AgentCommandsRun.GetDeploySteps,
            StepKind.Service => AgentCommandsRun.GetServiceSteps,
            _ => AgentCommandsRun.GetCleanSteps,
        };
        return profile.FreshAgentMayRepeatStepsQuery
            ? (agent.CommandsRun & ~query) == AgentCommandsRun.None
            : agent.CommandCount == 0 || (agent.CommandCount == 1 && agent.CommandsRun == query);
    }

    /// <summary>
    /// Ironic's <c>_get_completed_command</c>: the agent's last command, when it is this kind's
    /// <c>execute_*_step</c> and has ended; a success only counts for the current step (else that
    /// step has not started yet), a failure whatever step it ran.
    /// </summary>
    public static AgentCommand? CompletedCommand(SimulatedAgent agent, StepKind kind, StepReference? current) =>
        agent is { StepCommandIsLast: true, StepCommand: { } command }
        && command.Runs(kind)
        && command.Status != AgentCommandStatus.Running
        && (command.Status != AgentCommandStatus.Succeeded || command.Step == current)
            ? command
            : null;
}
