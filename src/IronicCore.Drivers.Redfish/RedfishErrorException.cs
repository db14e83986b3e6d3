using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>RedfishError</c> (HTTP 500): the BMC answered a request with an error (an HTTP
/// error status, rejected credentials), or a Redfish operation failed.
/// </summary>
public sealed class RedfishErrorException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="error">What failed, as Ironic words it (sushy's error, or Ironic's message around it).</param>
    public RedfishErrorException(string error)
        : base("RedfishError", 500, $"Redfish exception occurred. Error: {error}")
    {
        Error = error;
    }

    /// <summary>What failed.</summary>
    public string Error { get; }
}
