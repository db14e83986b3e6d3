using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Drivers.Redfish;

/// <summary>
/// The inventory record Ironic's redfish inspection stores (<c>inspect_utils.store_inspection_data</c>)
/// from 2025.1 on, in each release's shape, filled from the simulated system (the oracle's machine:
/// its BMC names the system <c>System 1</c>, model <c>Emulated Server</c>, serial <c>SN</c> and the
/// node's position, maker <c>Contoso</c>; disks <c>Disk 1</c>...; NICs <c>NIC1</c>...). 21.4 stores none.
/// </summary>
internal static class RedfishInspectionData
{
    /// <summary>The record of one inspection, or null in 21.4; <paramref name="macs"/> are the enabled NICs', <paramref name="bootMode"/> <c>uefi</c> or <c>bios</c>.</summary>
    public static NodeInventory? Of(RedfishSystem system, int slot, IronicRelease release, ImmutableArray<string> macs, string bootMode, long memoryMb)
    {
        if (release == IronicRelease.Release21_4)
        {
            return null;
        }

        var master = release == IronicRelease.Master;
        var hardware = system.Inventory;
        var inventory = new JsonObject();
        if (memoryMb > 0)
        {
            inventory["memory"] = new JsonObject { ["physical_mb"] = memoryMb };
        }

        var threads = hardware.ProcessorCount * (hardware.ThreadsPerProcessor > 0 ? hardware.ThreadsPerProcessor : hardware.CoresPerProcessor);
        var cpu = master ? new JsonObject { ["count"] = 0, ["architecture"] = string.Empty } : [];
        if (threads > 0)
        {
            cpu["count"] = threads;
        }

        cpu["model_name"] = hardware.ProcessorModel;
        cpu["frequency"] = hardware.ProcessorMaxSpeedMhz;
        cpu["architecture"] = RedfishInspect.MasterArchitecture(hardware.InstructionSet) ?? string.Empty;
        inventory["cpu"] = cpu;
        var disks = new JsonArray();
        for (var i = 0; i < hardware.DisksBytes.Length; i++)
        {
            disks.Add(new JsonObject { ["name"] = string.Create(CultureInfo.InvariantCulture, $"Disk {i + 1}"), ["size"] = hardware.DisksBytes[i] });
        }

        inventory["disks"] = disks;
        var interfaces = new JsonArray();
        for (var i = 0; i < macs.Length; i++)
        {
            interfaces.Add(master
                ? new JsonObject { ["mac_address"] = macs[i], ["name"] = string.Create(CultureInfo.InvariantCulture, $"NIC{i + 1}"), ["speed_mbps"] = hardware.NicSpeedMbps }
                : new JsonObject { ["mac_address"] = macs[i] });
        }

        inventory["interfaces"] = interfaces;
        inventory["system_vendor"] = new JsonObject
        {
            ["product_name"] = master ? "Emulated Server" : $"System {system.Id}",
            ["serial_number"] = string.Create(CultureInfo.InvariantCulture, $"SN{slot:D8}"),
            ["manufacturer"] = "Contoso",
        };
        inventory["boot"] = new JsonObject { ["current_boot_mode"] = bootMode };
        return new NodeInventory(JsonSerializer.SerializeToElement(inventory), master ? JsonElement.Parse("{}") : null);
    }
}
