using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using IronicCore.Errors;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// Ironic's <c>redfish</c> inspect interface (<c>RedfishInspect.inspect_hardware</c>): the system's
/// memory summary, processors, storage and boot mode become the node's properties and its enabled
/// NICs' MACs its ports, at once (no ramdisk). Per release as Ironic writes them: 21.4 stores
/// <c>memory_mb</c> and <c>local_gb</c> as text, 2025.1 <c>memory_mb</c> as a number, master both as
/// numbers and (through its <c>architecture</c> hook) <c>cpu_arch</c> from the instruction set, without
/// <c>cpus</c>.
/// </summary>
internal sealed class RedfishInspect(RedfishClient client) : IInspectInterface
{
    private const long GiB = 1024L * 1024 * 1024;

    /// <summary>Ironic's <c>InspectInterface.ESSENTIAL_PROPERTIES</c>.</summary>
    private static readonly string[] EssentialProperties = ["memory_mb", "local_gb", "cpu_arch"];

    public string Name => "redfish";

    public void Validate(DriverTask task) => client.InfoOf(task);

    public InspectedHardware InspectHardware(DriverTask task)
    {
        var system = client.GetSystem(task);
        client.Charge(task, client.Behaviour.RequestLatency);
        var inventory = system.Inventory;
        var release = client.Release;
        var properties = new Dictionary<string, object>(StringComparer.Ordinal);
        var memoryMb = inventory.DimmsMiB.Sum() / 1024 * 1024;
        if (memoryMb > 0)
        {
            properties["memory_mb"] = release == IronicRelease.Release21_4 ? memoryMb.ToString(CultureInfo.InvariantCulture) : memoryMb;
        }

        var threads = inventory.ProcessorCount * (inventory.ThreadsPerProcessor > 0 ? inventory.ThreadsPerProcessor : inventory.CoresPerProcessor);
        if (release != IronicRelease.Master && threads > 0)
        {
            properties["cpus"] = threads;
        }

        if ((release == IronicRelease.Master ? MasterArchitecture(inventory.InstructionSet) : Architecture(inventory.InstructionSet)) is { } arch)
        {
            properties["cpu_arch"] = arch;
        }

        var localGb = LocalGb(inventory.DisksBytes);
        properties["local_gb"] = release == IronicRelease.Master ? localGb : localGb.ToString(CultureInfo.InvariantCulture);
        var capabilities = Capabilities(task.Properties);
        var mode = RedfishManagement.IronicBootMode(system.BootSourceOverrideMode);
        if (!capabilities.Contains("boot_mode:", StringComparison.Ordinal))
        {
            properties["capabilities"] = capabilities.Length == 0 ? $"boot_mode:{mode}" : $"{capabilities},boot_mode:{mode}";
        }

        var missing = EssentialProperties.Where(key => !properties.ContainsKey(key) && !Has(task.Properties, key)).ToList();
        if (missing.Count > 0)
        {
            throw new HardwareInspectionFailureException($"Failed to discover the following properties: {string.Join(", ", missing)} on node {task.NodeUuid}");
        }

        var macs = Macs(task.Slot, inventory.NicCount);
        return new InspectedHardware(JsonSerializer.SerializeToElement(properties), macs)
        {
            Inventory = RedfishInspectionData.Of(system, task.Slot, release, macs, mode, memoryMb),
        };
    }

    /// <summary>The oracle's BMC's MACs: <c>52:54:00</c>, the node's position (two bytes), the NIC's number.</summary>
    private static ImmutableArray<string> Macs(int slot, int count)
    {
        var macs = ImmutableArray.CreateBuilder<string>(count);
        for (var nic = 1; nic <= count; nic++)
        {
            macs.Add(string.Create(CultureInfo.InvariantCulture, $"52:54:00:{slot / 256 % 256:x2}:{slot % 256:x2}:{nic:x2}"));
        }

        return macs.MoveToImmutable();
    }

    /// <summary>
    /// Ironic's <c>_detect_local_gb</c>: the first disk of at least 4 GiB (of the simple storage and
    /// of the storage's drives, which here report the same disks), in GiB less one, 0 without one.
    /// </summary>
    private static long LocalGb(ImmutableArray<long> disks)
    {
        foreach (var size in disks)
        {
            if (size >= 4 * GiB)
            {
                return Math.Max(0, (long)((double)size / GiB - 1));
            }
        }

        return 0;
    }

    /// <summary>Ironic's <c>CPU_ARCH_MAP</c> of the processor's architecture (the BMC reports x86 for x86 instruction sets).</summary>
    private static string? Architecture(string instructionSet) => instructionSet switch
    {
        "x86" or "x86-64" => "x86_64",
        "IA-64" => "ia64",
        "ARM-A32" or "ARM-A64" => "arm",
        "MIPS32" or "MIPS64" => "mips",
        "OEM" => "oem",
        _ => null,
    };

    /// <summary>Ironic's <c>PROCESSOR_INSTRUCTION_SET_MAP</c> (2025.1 and master: the inventory's CPU architecture), which master's <c>architecture</c> hook writes as <c>cpu_arch</c>.</summary>
    internal static string? MasterArchitecture(string instructionSet) => instructionSet switch
    {
        "x86" => "i686",
        "x86-64" => "x86_64",
        "IA-64" => "ia64",
        "ARM-A32" => "arm",
        "ARM-A64" => "aarch64",
        "MIPS32" => "mips",
        "MIPS64" => "mips64",
        _ => null,
    };

    private static string Capabilities(JsonElement properties) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("capabilities", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty;

    private static bool Has(JsonElement properties, string key) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out _);
}
