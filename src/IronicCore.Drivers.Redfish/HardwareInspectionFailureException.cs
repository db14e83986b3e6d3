using IronicCore.Errors;

namespace IronicCore.Drivers.Redfish;

/// <summary>Ironic's <c>HardwareInspectionFailure</c> (HTTP 500): inspection found too little to describe the node.</summary>
internal sealed class HardwareInspectionFailureException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="error">What went wrong, as Ironic words it.</param>
    public HardwareInspectionFailureException(string error)
        : base("HardwareInspectionFailure", 500, $"Failed to inspect hardware. Reason: {error}")
    {
        Error = error;
    }

    /// <summary>What went wrong.</summary>
    public string Error { get; }
}
