using IronicCore.States;

namespace IronicCore.Nodes;

/// <summary>
/// A node's <c>health</c> (API 1.109, Ironic master's <c>health_states.HealthState</c>): the
/// hardware's overall condition as the BMC reports it, cached by power sync from management
/// interfaces that read it (<c>redfish</c>: the system's <c>Status.Health</c>).
/// </summary>
public enum NodeHealth : byte
{
    /// <summary><c>OK</c>: the hardware works normally.</summary>
    [IronicName("OK")] Ok,

    /// <summary><c>Warning</c>: a non-critical problem that may need attention.</summary>
    [IronicName("Warning")] Warning,

    /// <summary><c>Critical</c>: a critical problem that needs attention now.</summary>
    [IronicName("Critical")] Critical,
}
