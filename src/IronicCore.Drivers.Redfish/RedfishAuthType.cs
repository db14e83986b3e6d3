using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>How Ironic authenticates to a Redfish BMC: the choices of <c>[redfish] auth_type</c> and of <c>driver_info/redfish_auth_type</c>.</summary>
public enum RedfishAuthType : byte
{
    /// <summary><c>basic</c>: HTTP basic authentication on every request.</summary>
    [IronicName("basic")] Basic,

    /// <summary><c>session</c>: a Redfish session (<c>X-Auth-Token</c>).</summary>
    [IronicName("session")] Session,

    /// <summary><c>auto</c>: a session where the BMC offers one, else basic authentication (the default).</summary>
    [IronicName("auto")] Auto,
}
