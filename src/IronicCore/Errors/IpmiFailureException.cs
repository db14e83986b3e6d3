namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>IPMIFailure</c> (HTTP 500): a call to the BMC failed.
/// </summary>
public sealed class IpmiFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="command">The command that failed, e.g. "power status".</param>
    public IpmiFailureException(string command)
        : base("IPMIFailure", 500, $"IPMI call failed: {command}.")
    {
        Command = command;
    }

    /// <summary>The command that failed, e.g. "power status".</summary>
    public string Command { get; }
}
