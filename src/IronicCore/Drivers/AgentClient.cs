using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>agent_client.AgentClient</c>, the conductor's side of the agent's command API: a
/// request needs the <c>agent_url</c> the agent's last heartbeat recorded, and reaches the agent only
/// while it runs (its machine is on, the ramdisk up). Otherwise
/// each of <c>[agent] max_command_attempts</c> attempts waits <c>command_timeout</c> (where agents
/// take time) and the call fails with <c>AgentConnectionFailed</c>, in the client's words.
/// </summary>
internal static class AgentClient
{
    /// <summary>Ironic's <c>get_commands_status</c>: what the conductor reads of the agent's commands since it started.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static SimulatedAgent GetCommandsStatus(DriverTask task, ConductorOptions options)
    {
        Reach(task, command: null, options);
        task.Machine.Agent.Poll();
        return task.Machine.Agent;
    }

    /// <summary>Ironic's <c>get_clean_steps</c>: the steps the agent reports.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    /// <exception cref="AgentInProgressException">The agent still runs its last command.</exception>
    public static ImmutableArray<StepDefinition> GetCleanSteps(DriverTask task, ConductorOptions options)
    {
        Send(task, "clean.get_clean_steps", AgentCommandsRun.GetCleanSteps, options);
        return task.Machine.Agent.CleanSteps;
    }

    /// <summary>Ironic's <c>get_service_steps</c>: the service steps the agent reports.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    /// <exception cref="AgentInProgressException">The agent still runs its last command.</exception>
    public static ImmutableArray<StepDefinition> GetServiceSteps(DriverTask task, ConductorOptions options)
    {
        Send(task, "service.get_service_steps", AgentCommandsRun.GetServiceSteps, options);
        return task.Machine.Agent.ServiceSteps;
    }

    /// <summary>Ironic's <c>get_deploy_steps</c>: the simulated agent offers no deploy step of its own, so only whether it answers.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    /// <exception cref="AgentInProgressException">The agent still runs its last command.</exception>
    public static void GetDeploySteps(DriverTask task, ConductorOptions options) =>
        Send(task, "deploy.get_deploy_steps", AgentCommandsRun.GetDeploySteps, options);

    /// <summary>Ironic's <c>_command</c> for a command IPA answers at once (<c>standby.power_off</c>, <c>rescue.finalize_rescue</c>): only whether the agent takes it.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    /// <exception cref="AgentInProgressException">The agent still runs its last command.</exception>
    public static void Command(DriverTask task, string command, ConductorOptions options) =>
        Send(task, command, AgentCommandsRun.Other, options);

    /// <summary>
    /// Ironic's <c>execute_clean_step</c> and its deploy and service twins, up to the agent's
    /// acceptance: the caller hands the step to the agent (<see cref="Agent.AgentRuntime.Execute"/>).
    /// </summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    /// <exception cref="AgentInProgressException">The agent still runs its last command.</exception>
    public static void ExecuteStep(DriverTask task, StepKind kind, ConductorOptions options)
    {
        var command = kind switch
        {
            StepKind.Deploy => "deploy.execute_deploy_step",
            StepKind.Service => "service.execute_service_step",
            _ => "clean.execute_clean_step",
        };
        Reach(task, command, options);
        RefuseWhileBusy(task, command);
    }

    private static void Send(DriverTask task, string command, AgentCommandsRun kind, ConductorOptions options)
    {
        Reach(task, command, options);
        RefuseWhileBusy(task, command);
        task.Machine.Agent.Record(kind);
    }

    /// <summary>IPA answers HTTP 409 to any command while its last one runs.</summary>
    private static void RefuseWhileBusy(DriverTask task, string command)
    {
        if (task.Machine.Agent.BusyWith() is { } running)
        {
            throw new AgentInProgressException(task.NodeUuid, command, running.Name);
        }
    }

    /// <summary>Fails unless the agent runs; <paramref name="command"/> is null for the status request.</summary>
    private static void Reach(DriverTask task, string? command, ConductorOptions options)
    {
        if (task.Node.AgentUrl is null)
        {
            // No request is made: the client has no address (none recorded since the last power-off).
            throw new AgentConnectionFailedException("Agent driver requires agent_url in driver_internal_info");
        }

        var agent = task.Machine.Agent;
        if (agent.Running)
        {
            return;
        }

        if (agent.Timed)
        {
            // A machine that is off answers nothing: every attempt runs into the request's timeout.
            var timeout = options.Agent.CommandTimeout;
            if (timeout > TimeSpan.Zero)
            {
                task.Wait(timeout * Math.Max(1, options.Agent.MaxCommandAttempts));
            }
        }

        throw new AgentConnectionFailedException(
            $"Failed to connect to the agent running on node {task.NodeUuid} " +
            (command is null ? "to collect commands status" : $"for invoking command {command}") + ". " +
            $"Error: agent at {task.Node.AgentUrl}/v1/commands/ is not running");
    }
}
