using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> management interface (<c>RedfishManagement</c>): the system's boot
/// override (<c>Once</c> or, persistent, <c>Continuous</c>) and NMI through <c>ComputerSystem.Reset</c>.
/// </summary>
internal sealed partial class RedfishManagement(RedfishClient client) : IManagementInterface
{
    /// <summary>Ironic's <c>BOOT_DEVICE_MAP</c>, in its order.</summary>
    private static readonly BootDevice[] Supported = [BootDevice.Pxe, BootDevice.Disk, BootDevice.Cdrom, BootDevice.Bios];

    public string Name => "redfish";

    public void Validate(DriverTask task) => client.InfoOf(task);

    public IReadOnlyList<BootDevice> GetSupportedBootDevices(DriverTask task) => Supported;

    public BootDeviceSetting GetBootDevice(DriverTask task)
    {
        var system = client.GetSystem(task);
        BootDevice? device = system.BootSourceOverrideTarget switch
        {
            RedfishBootSourceTarget.Pxe => BootDevice.Pxe,
            RedfishBootSourceTarget.Hdd => BootDevice.Disk,
            RedfishBootSourceTarget.Cd => BootDevice.Cdrom,
            RedfishBootSourceTarget.BiosSetup => BootDevice.Bios,
            _ => null,
        };
        return new BootDeviceSetting(device, system.BootSourceOverrideEnabled == RedfishBootSourceOverrideEnabled.Continuous);
    }

    public void SetBootDevice(DriverTask task, BootDevice device, bool persistent)
    {
        var target = device switch
        {
            BootDevice.Pxe => RedfishBootSourceTarget.Pxe,
            BootDevice.Disk => RedfishBootSourceTarget.Hdd,
            BootDevice.Cdrom => RedfishBootSourceTarget.Cd,
            BootDevice.Bios => RedfishBootSourceTarget.BiosSetup,
            _ => throw new InvalidParameterValueException($"Invalid boot device {device.ToIronicName()} specified."),
        };
        var system = client.GetSystem(task);
        client.SetBootOverride(task, system, target, persistent ? RedfishBootSourceOverrideEnabled.Continuous : RedfishBootSourceOverrideEnabled.Once);
    }

    /// <summary>Master's <c>get_node_health</c>: the system's <c>Status.Health</c>, read from the BMC.</summary>
    public bool TryGetNodeHealth(DriverTask task, out NodeHealth? health)
    {
        health = client.GetSystem(task).Health;
        return true;
    }

    /// <summary>Ironic's <c>inject_nmi</c>: an <c>Nmi</c> reset, which reaches the machine's OS (not simulated); its failure is a <c>RedfishError</c> naming it.</summary>
    public void InjectNmi(DriverTask task)
    {
        var system = client.GetSystem(task);
        try
        {
            client.Reset(task, system, RedfishResetType.Nmi);
        }
        catch (SushyHttpErrorException error)
        {
            throw new RedfishErrorException($"Redfish inject NMI failed for node {task.NodeUuid}. Error: {error.Message}");
        }
    }
}
