namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>AgentInProgress</c> (HTTP 409): the ramdisk agent is still running a command.
/// </summary>
public sealed class AgentInProgressException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="command">The command it runs.</param>
    public AgentInProgressException(string command)
        : base("AgentInProgress", 409, $"Agent is busy running {command}")
    {
        Command = command;
    }

    /// <summary>The command it runs.</summary>
    public string Command { get; }
}
