using IronicCore.Errors;

namespace IronicCore.Drivers.Ipmi;

/// <summary>
/// Ironic's <c>IPMIFailure</c> (HTTP 500): an <c>ipmitool</c> call to the BMC failed, after the
/// retries <see cref="IpmiOptions"/> allow.
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
