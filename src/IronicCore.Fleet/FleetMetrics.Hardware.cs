using System.Collections.Immutable;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// The figures of each hardware type of a fleet that mixes them: counted as the fleet's own are
// (at the same events and samples), by the node's type index, into arrays made once.
internal sealed partial class FleetMetrics
{
    private int[] tenantVisibleByHardware = [0];
    private int[] ticketsByHardware = [0];
    private long[] availableSumByHardware = [0];
    private long[] maintenanceHourSumByHardware = [0];

    /// <summary>Makes the counters of <paramref name="types"/> hardware types (one: no breakdown).</summary>
    public void CountHardware(int types)
    {
        tenantVisibleByHardware = new int[types];
        ticketsByHardware = new int[types];
        availableSumByHardware = new long[types];
        maintenanceHourSumByHardware = new long[types];
        CountFaults(types);
    }

    public void TenantVisibleFailure(byte hardware)
    {
        TenantVisibleFailures++;
        tenantVisibleByHardware[hardware]++;
    }

    public void HumanTicket(byte hardware)
    {
        HumanTickets++;
        ticketsByHardware[hardware]++;
    }

    /// <summary>Adds one sample's available nodes, and at the end of an hour its maintenance, of each type.</summary>
    public void AddByHardware(ReadOnlySpan<int> available, ReadOnlySpan<int> maintenance, bool hourEnds)
    {
        for (var k = 0; k < available.Length; k++)
        {
            availableSumByHardware[k] += available[k];
            maintenanceHourSumByHardware[k] += hourEnds ? maintenance[k] : 0;
        }
    }

    /// <summary>Each type's figures; empty for a fleet of one type, whose figures are the fleet's.</summary>
    private ImmutableArray<FleetHardwareResult> ByHardware(ImmutableArray<(string Driver, int Nodes)> hardware) =>
        hardware.Length < 2
            ? []
            : [.. hardware.Select((h, k) => new FleetHardwareResult
            {
                Driver = h.Driver,
                Nodes = h.Nodes,
                AvailableMean = samples.Count == 0 ? 0 : (double)availableSumByHardware[k] / samples.Count,
                MaintenanceHourlyMean = maintenanceByHour.Count == 0 ? 0 : (double)maintenanceHourSumByHardware[k] / maintenanceByHour.Count,
                TenantVisibleFailures = tenantVisibleByHardware[k],
                HumanTickets = ticketsByHardware[k],
            })];

    private void WriteByHardware(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(tenantVisibleByHardware.Length * 4);
        for (var k = 0; k < tenantVisibleByHardware.Length; k++)
        {
            writer.Write(tenantVisibleByHardware[k]);
            writer.Write(ticketsByHardware[k]);
            writer.Write(availableSumByHardware[k]);
            writer.Write(maintenanceHourSumByHardware[k]);
        }
    }

    private void ReadByHardware(ref MessagePackReader reader)
    {
        Expect(ref reader, tenantVisibleByHardware.Length * 4, "the figures by hardware type");
        for (var k = 0; k < tenantVisibleByHardware.Length; k++)
        {
            tenantVisibleByHardware[k] = reader.ReadInt32();
            ticketsByHardware[k] = reader.ReadInt32();
            availableSumByHardware[k] = reader.ReadInt64();
            maintenanceHourSumByHardware[k] = reader.ReadInt64();
        }
    }
}
