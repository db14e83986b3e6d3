namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AgentInProgress</c> (HTTP 409): the ramdisk agent refused a command because its
/// last one is still running.
/// </summary>
public sealed class AgentInProgressException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="node">The node's UUID.</param>
    /// <param name="command">The command refused, as the agent client names it (<c>deploy.get_deploy_steps</c>).</param>
    /// <param name="running">The command the agent runs, by the agent's name for it (<c>execute_deploy_step</c>).</param>
    public AgentInProgressException(string node, string command, string running)
        : base("AgentInProgress", 409, $"Node {node} command \"{command}\" failed. Agent is presently executing a command. Error Agent is busy executing command {running}")
    {
        Command = command;
        Running = running;
    }

    /// <summary>The command refused.</summary>
    public string Command { get; }

    /// <summary>The command the agent runs.</summary>
    public string Running { get; }
}
