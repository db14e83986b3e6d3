namespace IronicCore.States;

/// <summary>
/// A node's <c>power_state</c> or <c>target_power_state</c>, and the targets of
/// <c>PUT /v1/nodes/{node}/states/power</c>.
/// </summary>
public enum PowerState : byte
{
    /// <summary><c>power on</c>.</summary>
    [IronicName("power on")] PowerOn,

    /// <summary><c>power off</c>.</summary>
    [IronicName("power off")] PowerOff,

    /// <summary><c>rebooting</c>: a request target only.</summary>
    [IronicName("rebooting")] Rebooting,

    /// <summary><c>soft rebooting</c>: a request target only (API 1.27).</summary>
    [IronicName("soft rebooting")] SoftRebooting,

    /// <summary><c>soft power off</c>: a request target only (API 1.27).</summary>
    [IronicName("soft power off")] SoftPowerOff,

    /// <summary><c>error</c>: the BMC answered with a state Ironic could not read. Never a request target.</summary>
    [IronicName("error")] Error,
}
