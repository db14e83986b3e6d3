using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// One node's <c>ComputerSystem</c> on its simulated Redfish BMC, with the system's manager
/// (virtual media) and BIOS: its power is the node's <see cref="SimulatedMachine"/>'s, shared with the
/// simulated agent (a reset stops or restarts it); its boot override, virtual media, BIOS, inventory,
/// firmware and health are the BMC's. Faults set here apply to this system's requests;
/// <see cref="CredentialsRejected"/> and an unreachable machine apply to its whole BMC.
/// Not thread-safe: use it from the simulation's thread.
/// </summary>
public sealed partial class RedfishSystem
{
    internal RedfishSystem(RedfishBmc bmc, string id, string nodeUuid, SimulatedMachine machine)
    {
        Bmc = bmc;
        Id = id;
        NodeUuid = nodeUuid;
        Machine = machine;
        VirtualMedia = [new RedfishVirtualMedia(RedfishVirtualMediaDevice.Cd), new RedfishVirtualMedia(RedfishVirtualMediaDevice.Usb)];
        machine.Booted += OnMachineBooted;
    }

    /// <summary>The BMC the system belongs to.</summary>
    public RedfishBmc Bmc { get; }

    /// <summary>The system's id: the last segment of the node's <c>redfish_system_id</c> (<c>1</c> by default).</summary>
    public string Id { get; }

    /// <summary>The node the system is.</summary>
    public string NodeUuid { get; }

    /// <summary>The machine: its real power state, whether its BMC answers.</summary>
    public SimulatedMachine Machine { get; }

    /// <summary>What the BMC reports as <c>PowerState</c>: a machine never powered is off.</summary>
    public PowerState PowerState => Machine.PowerState ?? PowerState.PowerOff;

    /// <summary>The boot override's device (<c>BootSourceOverrideTarget</c>).</summary>
    public RedfishBootSourceTarget BootSourceOverrideTarget { get; internal set; }

    /// <summary>For how many boots the override holds (<c>BootSourceOverrideEnabled</c>).</summary>
    public RedfishBootSourceOverrideEnabled BootSourceOverrideEnabled { get; internal set; }

    /// <summary>The boot mode (<c>BootSourceOverrideMode</c>): UEFI at first.</summary>
    public RedfishBootSourceOverrideMode BootSourceOverrideMode { get; internal set; }

    /// <summary>The indicator LED (<c>IndicatorLED</c>: <c>Lit</c>, <c>Blinking</c> or <c>Off</c>).</summary>
    public string IndicatorLed { get; internal set; } = "Off";

    /// <summary>Whether UEFI secure boot is on (<c>SecureBoot.SecureBootEnable</c>).</summary>
    public bool SecureBootEnable { get; internal set; }

    /// <summary>The system's <c>Manufacturer</c> (<c>Contoso</c>, as the oracle's BMC reports): what 21.4's and 2025.1's <c>detect_vendor</c> reads.</summary>
    public string Manufacturer { get; } = RedfishBmc.EmulatedVendor;

    /// <summary>The manager's virtual media slots: <see cref="RedfishVirtualMediaDevice.Cd"/>, then <see cref="RedfishVirtualMediaDevice.Usb"/>.</summary>
    public IReadOnlyList<RedfishVirtualMedia> VirtualMedia { get; }

    /// <summary>The BIOS: current and pending attributes.</summary>
    public RedfishBios Bios { get; } = new();

    /// <summary>The hardware the system reports to inspection.</summary>
    public RedfishInventory Inventory { get; set; } = new();

    /// <summary>The firmware versions the system and its BMC report.</summary>
    public RedfishFirmware Firmware { get; } = new();

    /// <summary>
    /// The system's <c>Status.Health</c> (<c>OK</c> at first): what master's power sync caches as the
    /// node's <c>health</c>; null when the system reports none.
    /// </summary>
    public NodeHealth? Health { get; set; } = NodeHealth.Ok;

    /// <summary>Fault: <c>ComputerSystem.Reset</c> answers HTTP 500.</summary>
    public bool ResetFails { get; set; }

    /// <summary>Fault: <c>VirtualMedia.InsertMedia</c> answers HTTP 500.</summary>
    public bool InsertMediaFails { get; set; }

    /// <summary>Fault: the whole BMC answers HTTP 401 to logins and authenticated requests while any of its systems has it.</summary>
    public bool CredentialsRejected { get; set; }

    /// <summary>Fault: firmware update tasks of this system end in <c>Exception</c>.</summary>
    public bool FirmwareUpdateFails { get; set; }

    /// <summary>
    /// Fault: firmware update tasks of this system never end: they stay <c>Running</c> through every
    /// boot (a BMC whose update hangs). Master's <c>[redfish] firmware_update_overall_timeout</c> fails
    /// the step; 21.4's and 2025.1's clean step waits as long as the agent heartbeats. Not a scenario
    /// file flag (the oracle's BMC cannot hang); for library users and fleets.
    /// </summary>
    public bool FirmwareUpdateNeverCompletes { get; set; }

    /// <summary>The slot of <paramref name="device"/>.</summary>
    public RedfishVirtualMedia GetVirtualMedia(RedfishVirtualMediaDevice device) => VirtualMedia[(int)device];

    /// <summary>What a BMC does when its machine boots: a one-time override ends, pending BIOS settings apply, and what else a package part adds.</summary>
    private void OnMachineBooted(object? sender, EventArgs e)
    {
        if (BootSourceOverrideEnabled == RedfishBootSourceOverrideEnabled.Once)
        {
            BootSourceOverrideEnabled = RedfishBootSourceOverrideEnabled.Disabled;
            BootSourceOverrideTarget = RedfishBootSourceTarget.None;
        }

        Bios.Booted();
        OnBooted();
    }

    /// <summary>Further effects of a boot (firmware update tasks ending), for the package's other parts to add.</summary>
    partial void OnBooted();
}
