using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// Ironic's <c>agent_client.AgentClient</c>, the conductor's side of the agent's command API: a
/// request reaches the agent only while it runs (its machine is on, the ramdisk up). Otherwise
/// each of <c>[agent] max_command_attempts</c> attempts waits <c>command_timeout</c> (where agents
/// take time) and the call fails with <c>AgentConnectionFailed</c>, in the client's words.
/// </summary>
internal static class AgentClient
{
    /// <summary>Ironic's <c>get_commands_status</c>: the agent's latest command since it started.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static AgentCommand? GetCommandsStatus(DriverTask task, ConductorOptions options)
    {
        Reach(task, command: null, options);
        return task.Machine.Agent.Poll();
    }

    /// <summary>Ironic's <c>get_clean_steps</c>: the steps the agent reports.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static ImmutableArray<StepDefinition> GetCleanSteps(DriverTask task, ConductorOptions options)
    {
        Reach(task, "clean.get_clean_steps", options);
        return task.Machine.Agent.CleanSteps;
    }

    /// <summary>Ironic's <c>get_service_steps</c>: the service steps the agent reports.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static ImmutableArray<StepDefinition> GetServiceSteps(DriverTask task, ConductorOptions options)
    {
        Reach(task, "service.get_service_steps", options);
        return task.Machine.Agent.ServiceSteps;
    }

    /// <summary>Ironic's <c>_command</c> for <paramref name="command"/> (e.g. <c>deploy.get_deploy_steps</c>): only whether the agent answers.</summary>
    /// <exception cref="AgentConnectionFailedException">The agent cannot be reached.</exception>
    public static void Command(DriverTask task, string command, ConductorOptions options) =>
        Reach(task, command, options);

    /// <summary>Fails unless the agent runs; <paramref name="command"/> is null for the status request.</summary>
    private static void Reach(DriverTask task, string? command, ConductorOptions options)
    {
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
