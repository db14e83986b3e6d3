using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Steps;

namespace IronicCore.Drivers;

/// <summary>
/// A node's driver as the conductor runs it (Ironic's <c>task.driver</c>): the hardware type's
/// interfaces with the deploy, inspect and rescue interfaces the node chose (Ironic's
/// <c>*_interface</c> fields), and the steps those interfaces declare. One instance per
/// combination, shared by its nodes. The management and boot interfaces are the type's unless the
/// node chose another the type offers. The vendor interface is the one the configuration makes the
/// type's default (null: <c>no-vendor</c>); its steps join the driver's. The out-of-band inspect and
/// BIOS interfaces are the type's unless the node chose <c>no-inspect</c> or <c>no-bios</c> (null).
/// </summary>
internal sealed record NodeDriver(
    HardwareType Type,
    IDeployInterface Deploy,
    string InspectInterface,
    IRescueInterface Rescue,
    ImmutableArray<StepDefinition> CleanSteps,
    IManagementInterface? ManagementInterface = null,
    IBootInterface? BootInterface = null,
    IVendorInterface? Vendor = null,
    IInspectInterface? Inspect = null,
    IBiosInterface? Bios = null)
{
    /// <summary>The firmware interface: the type's (a node has no other choice here), or null for <c>no-firmware</c>.</summary>
    public IFirmwareInterface? Firmware => Type.Firmware;

    /// <summary>The node's <c>firmware_interface</c>.</summary>
    public string FirmwareInterface => Firmware?.Name ?? "no-firmware";

    /// <summary>Whether the node's waiting step is followed by its BIOS or firmware interface's own poll (Ironic's <c>*_polling</c> flag).</summary>
    public bool IsPolling(DriverTask task) => Bios?.IsPolling(task) == true || Firmware?.IsPolling(task) == true;

    /// <summary>The names the node's record keeps (its <c>driver</c> and <c>*_interface</c> fields).</summary>
    public NodeInterfaces Interfaces { get; } = new(
        Type.Name,
        Type.Power.Name,
        (ManagementInterface ?? Type.Management).Name,
        (BootInterface ?? Type.Boot).Name,
        Deploy.Name,
        InspectInterface,
        Rescue.Name);

    public string Driver => Type.Name;

    /// <summary>The node's <c>bios_interface</c>: its type's when <see cref="Bios"/> is set, fake-hardware's <c>fake</c>, else <c>no-bios</c>.</summary>
    public string BiosInterface => Bios?.Name ?? (Type == Fake.FakeHardware.Type ? "fake" : "no-bios");

    public IPowerInterface Power => Type.Power;

    public IManagementInterface Management => ManagementInterface ?? Type.Management;

    public IBootInterface Boot => BootInterface ?? Type.Boot;

    /// <summary>The console interface, or null for <c>no-console</c>.</summary>
    public IConsoleInterface? Console => Type.Console;

    /// <summary>The interfaces' own service steps (the agent's come from its cache).</summary>
    public ImmutableArray<StepDefinition> ServiceSteps { get; init; } = [];

    /// <summary>The deploy interface's steps, then the vendor interface's, the BIOS interface's and the firmware interface's.</summary>
    public ImmutableArray<StepDefinition> DeploySteps { get; } =
        Vendor is null && Bios is null && Type.Firmware is null
            ? Deploy.DeploySteps
            : [.. Deploy.DeploySteps, .. Vendor?.DeploySteps ?? [], .. Bios?.DeploySteps ?? [], .. Type.Firmware?.DeploySteps ?? []];

    /// <summary>Whether cleaning, servicing and deployment run through the ramdisk agent (asked once: the flows read it on every step).</summary>
    public bool UsesAgent { get; } = Deploy.UsesRamdisk;

    /// <summary>
    /// Whether the agent runs a clean or service step (and reports it): with an agent deploy
    /// interface, every deploy-interface step is the agent's, since no interface here declares
    /// deploy-interface clean or service steps of its own (vendor, BIOS and firmware do theirs).
    /// </summary>
    public bool RunsInAgent(StepDefinition step) => UsesAgent && step.Interface == "deploy";

    /// <summary>
    /// Ironic's <c>set_boot_to_disk</c> (<c>try_set_boot_device</c>): the management interface makes the
    /// machine boot its disk from now on.
    /// </summary>
    public void SetBootToDisk(DriverTask task)
    {
        try
        {
            Management.SetBootDevice(task, BootDevice.Disk, persistent: true);
        }
        catch (IronicException failure) when (failure.IronicClass == "IPMIFailure")
        {
            // Ironic's try_set_boot_device (deploy_utils): ipmitool cannot set the boot device of
            // some machines in UEFI mode, so that failure is only logged. UEFI is the boot mode
            // Ironic gives every node here ([deploy] default_boot_mode; nodes carry no other).
        }
    }
}
