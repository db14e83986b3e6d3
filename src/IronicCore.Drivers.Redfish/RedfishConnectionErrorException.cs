using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>RedfishConnectionError</c> (HTTP 500): the BMC could not be reached, after the
/// attempts <see cref="RedfishOptions.ConnectionAttempts"/> allows.
/// </summary>
public sealed class RedfishConnectionErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="nodeUuid">The node whose BMC did not answer.</param>
    /// <param name="error">sushy's connection error.</param>
    public RedfishConnectionErrorException(string nodeUuid, string error)
        : base("RedfishConnectionError", 500, $"Redfish connection failed for node {nodeUuid}: {error}")
    {
        NodeUuid = nodeUuid;
        Error = error;
    }

    /// <summary>The node whose BMC did not answer.</summary>
    public string NodeUuid { get; }

    /// <summary>sushy's connection error.</summary>
    public string Error { get; }
}
