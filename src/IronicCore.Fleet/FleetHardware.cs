using System.Collections.Immutable;
using System.Globalization;
using IronicCore.Drivers.Ipmi;
using IronicCore.Drivers.Pxe;
using IronicCore.Drivers.Redfish;

namespace IronicCore.Fleet;

/// <summary>
/// The hardware types a fleet's nodes may have and how a scenario's shares become nodes: each
/// type's count by the largest remainder, the types interleaved in proportion (smooth weighted
/// round robin), so every stretch of the fleet (the share that starts with instances, a
/// conductor's nodes) holds the mix, and the same scenario always gives the same node the same type.
/// </summary>
internal static class FleetHardware
{
    /// <summary>The hardware types a fleet simulates, in ordinal order (the order of the breakdown tables).</summary>
    public static readonly ImmutableArray<string> Simulated = ["fake-hardware", IpmiConductorExtensions.HardwareTypeName, RedfishConductorExtensions.HardwareTypeName];

    /// <summary>The driver packages whose state a mixed fleet's conductor holds, for its snapshots.</summary>
    public static readonly ImmutableArray<DriverPackage> Packages = [PxeDriverPackage.Instance, IpmiDriverPackage.Instance, RedfishDriverPackage.Instance];

    /// <summary>Each hardware type of the scenario with its number of nodes, in ordinal order; one type without shares.</summary>
    public static ImmutableArray<(string Driver, int Nodes)> Counts(FleetScenario scenario)
    {
        if (scenario.Hardware.IsEmpty)
        {
            return [(scenario.Driver, scenario.Nodes)];
        }

        var counts = scenario.Hardware.Select(p => (Driver: p.Key, Nodes: (int)Math.Floor(p.Value * scenario.Nodes), Remainder: (p.Value * scenario.Nodes) % 1)).ToArray();
        var left = scenario.Nodes - counts.Sum(c => c.Nodes);
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i].Remainder).ThenBy(i => i).Take(left))
        {
            counts[i].Nodes++;
        }

        return [.. counts.Select(c => (c.Driver, c.Nodes))];
    }

    /// <summary>The hardware type of every node, in enrolment order: <paramref name="counts"/> interleaved in proportion.</summary>
    public static IEnumerable<string> Sequence(ImmutableArray<(string Driver, int Nodes)> counts)
    {
        var total = counts.Sum(c => c.Nodes);
        var current = new long[counts.Length];
        for (var n = 0; n < total; n++)
        {
            var pick = 0;
            for (var k = 0; k < counts.Length; k++)
            {
                current[k] += counts[k].Nodes;
                if (current[k] > current[pick])
                {
                    pick = k;
                }
            }

            current[pick] -= total;
            yield return counts[pick].Driver;
        }
    }

    /// <summary>What a node of <paramref name="driver"/> at <paramref name="index"/> is given: its own BMC's address and credentials.</summary>
    public static ImmutableSortedDictionary<string, string> DriverInfo(string driver, int index)
    {
        var host = string.Create(CultureInfo.InvariantCulture, $"10.{8 + (index >> 16)}.{(index >> 8) & 255}.{index & 255}");
        return driver switch
        {
            IpmiConductorExtensions.HardwareTypeName => ImmutableSortedDictionary<string, string>.Empty
                .Add("ipmi_address", host).Add("ipmi_username", "admin").Add("ipmi_password", "secret"),
            RedfishConductorExtensions.HardwareTypeName => ImmutableSortedDictionary<string, string>.Empty
                .Add("redfish_address", $"https://{host}").Add("redfish_system_id", "/redfish/v1/Systems/1")
                .Add("redfish_username", "admin").Add("redfish_password", "secret")
                .Add("deploy_kernel", "http://10.1.0.1:8080/deploy.kernel").Add("deploy_ramdisk", "http://10.1.0.1:8080/deploy.ramdisk"),
            _ => ImmutableSortedDictionary<string, string>.Empty,
        };
    }

    /// <summary>
    /// Registers with <paramref name="conductor"/> the hardware types the scenario's nodes have besides
    /// fake-hardware (the core's): ipmi on a PXE network's boot, redfish with virtual media. A
    /// fake-hardware fleet registers nothing, so it runs as it always has.
    /// </summary>
    public static void Register(Conductor conductor, FleetScenario scenario)
    {
        var drivers = Counts(scenario).Where(c => c.Nodes > 0).Select(c => c.Driver).ToHashSet(StringComparer.Ordinal);
        if (drivers.Contains(IpmiConductorExtensions.HardwareTypeName))
        {
            conductor.AddIpmiHardwareType(conductor.AddPxeNetwork().Boot);
        }

        if (drivers.Contains(RedfishConductorExtensions.HardwareTypeName))
        {
            conductor.AddRedfishHardwareType();
        }
    }
}
