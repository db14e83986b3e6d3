namespace IronicCore.Fleet;

/// <summary>What breaks in a fleet's machine; the kind decides how the fault shows.</summary>
public enum HardwareFaultKind
{
    /// <summary>A disk: the agent's steps fail on it (cleaning, writing an image).</summary>
    Disk,

    /// <summary>Memory: as <see cref="Disk"/>.</summary>
    Memory,

    /// <summary>A network card: as <see cref="Disk"/>.</summary>
    Nic,

    /// <summary>The BMC: it stops answering, so power sync puts the node in maintenance (<c>power failure</c>).</summary>
    Bmc,

    /// <summary>
    /// A Redfish BMC that answers HTTP 401 to every login and request (a changed or locked-out
    /// account): power sync fails and puts the node in maintenance (<c>power failure</c>), and
    /// every action on the node fails. Strikes redfish nodes only.
    /// </summary>
    CredentialsRejected,

    /// <summary>
    /// A Redfish BMC whose <c>ComputerSystem.Reset</c> answers HTTP 500: power sync still reads the
    /// power state, but every power action fails, so deploying, tearing down and cleaning fail.
    /// Strikes redfish nodes only.
    /// </summary>
    ResetFails,

    /// <summary>
    /// A Redfish BMC whose <c>VirtualMedia.InsertMedia</c> answers HTTP 500: the deploy ramdisk
    /// cannot be attached, so deploying and cleaning fail at their boot. Strikes redfish nodes only.
    /// </summary>
    InsertMediaFails,
}
