namespace IronicCore.Drivers.Redfish;

/// <summary>A Redfish system's <c>Boot.BootSourceOverrideEnabled</c>: for how many boots the override holds.</summary>
public enum RedfishBootSourceOverrideEnabled : byte
{
    /// <summary><c>Disabled</c>: no override.</summary>
    Disabled,

    /// <summary><c>Once</c>: the next boot only; the BMC then returns to <see cref="Disabled"/> and <see cref="RedfishBootSourceTarget.None"/>.</summary>
    Once,

    /// <summary><c>Continuous</c>: every boot until changed.</summary>
    Continuous,
}
