namespace IronicCore.Drivers;

/// <summary>
/// A hardware type (Ironic's <c>GenericHardware</c> subclass, the node's <c>driver</c>): a named
/// composition of interface implementations. The deploy interface is the conductor's own
/// (<c>direct</c>: through the ramdisk agent); everything that touches the machine comes from here.
/// Register one with <see cref="Conductor.RegisterHardwareType"/>. Immutable.
/// </summary>
public sealed class HardwareType
{
    /// <summary>Composes a hardware type.</summary>
    /// <param name="name">The <c>driver</c> name nodes ask for, e.g. <c>ipmi</c>.</param>
    /// <param name="power">The power interface.</param>
    /// <param name="management">The management interface (boot device).</param>
    /// <param name="boot">The boot interface (ramdisk and instance boot).</param>
    public HardwareType(string name, IPowerInterface power, IManagementInterface management, IBootInterface boot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(power);
        ArgumentNullException.ThrowIfNull(management);
        ArgumentNullException.ThrowIfNull(boot);
        Name = name;
        Power = power;
        Management = management;
        Boot = boot;
    }

    /// <summary>The <c>driver</c> name nodes ask for.</summary>
    public string Name { get; }

    /// <summary>The power interface.</summary>
    public IPowerInterface Power { get; }

    /// <summary>The management interface.</summary>
    public IManagementInterface Management { get; }

    /// <summary>The boot interface.</summary>
    public IBootInterface Boot { get; }

    /// <summary>The console interface; null: Ironic's <c>no-console</c>, which refuses every console request.</summary>
    public IConsoleInterface? Console { get; init; }

    /// <summary>The vendor interface; null: Ironic's <c>no-vendor</c>, with no passthru methods and no steps. A type with one also supports <c>no-vendor</c>, which a configuration may make its default.</summary>
    public IVendorInterface? Vendor { get; init; }

    /// <summary>The out-of-band inspect interface; null: Ironic's <c>no-inspect</c>, which refuses inspection. A type with one also supports <c>no-inspect</c>.</summary>
    public IInspectInterface? Inspect { get; init; }

    /// <summary>The BIOS interface; null: Ironic's <c>no-bios</c>, with no steps and no settings. A type with one also supports <c>no-bios</c>.</summary>
    public IBiosInterface? Bios { get; init; }

    /// <summary>The firmware interface; null: Ironic's <c>no-firmware</c>, with no steps and no components.</summary>
    public IFirmwareInterface? Firmware { get; init; }

    /// <summary>Where the type publishes images for its BMCs (virtual media attached through the API); null: Ironic refuses to publish for it.</summary>
    public IImagePublisher? ImagePublisher { get; init; }

    /// <summary>How the agent downloads the instance image; null: <c>write_image</c> takes its drawn step duration.</summary>
    public IImageTransfer? ImageTransfer { get; init; }
}
