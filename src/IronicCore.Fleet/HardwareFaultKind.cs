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
}
