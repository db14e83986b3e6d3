using System.Collections.Immutable;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// The figures of each hardware type and fault kind: how many faults struck and what Ironic made
// of them (failed deployments and cleanings, nodes in maintenance), by the node's type index and
// the kind's number, into arrays made once.
internal sealed partial class FleetMetrics
{
    private static readonly int Kinds = Enum.GetValues<HardwareFaultKind>().Length;

    private int[] faultsByKind = new int[Kinds];
    private int[] deployFailuresByKind = new int[Kinds];
    private int[] cleanFailuresByKind = new int[Kinds];
    private long[] maintenanceHourSumByKind = new long[Kinds];

    /// <summary>Makes the counters of <paramref name="types"/> hardware types.</summary>
    private void CountFaults(int types)
    {
        faultsByKind = new int[types * Kinds];
        deployFailuresByKind = new int[types * Kinds];
        cleanFailuresByKind = new int[types * Kinds];
        maintenanceHourSumByKind = new long[types * Kinds];
    }

    public void FaultStruck(byte hardware, HardwareFaultKind kind) => faultsByKind[(hardware * Kinds) + (int)kind]++;

    /// <summary>A node with a fault of <paramref name="kind"/> failed its deployment.</summary>
    public void DeployFailed(byte hardware, HardwareFaultKind kind) => deployFailuresByKind[(hardware * Kinds) + (int)kind]++;

    /// <summary>A node with a fault of <paramref name="kind"/> failed its cleaning.</summary>
    public void CleanFailed(byte hardware, HardwareFaultKind kind) => cleanFailuresByKind[(hardware * Kinds) + (int)kind]++;

    /// <summary>At the end of an hour, a node with a fault of <paramref name="kind"/> is in maintenance.</summary>
    public void InMaintenance(byte hardware, HardwareFaultKind kind) => maintenanceHourSumByKind[(hardware * Kinds) + (int)kind]++;

    /// <summary>The figures of each (hardware type, fault kind) in <paramref name="rows"/>.</summary>
    private ImmutableArray<FleetFaultResult> ByFault(ImmutableArray<(string Driver, int Nodes)> hardware, ImmutableArray<(byte Hardware, HardwareFaultKind Kind)> rows) =>
        [.. rows.Select(row =>
        {
            var at = (row.Hardware * Kinds) + (int)row.Kind;
            return new FleetFaultResult
            {
                Driver = hardware[row.Hardware].Driver,
                Kind = row.Kind,
                Faults = faultsByKind[at],
                DeployFailures = deployFailuresByKind[at],
                CleanFailures = cleanFailuresByKind[at],
                MaintenanceHourlyMean = maintenanceByHour.Count == 0 ? 0 : (double)maintenanceHourSumByKind[at] / maintenanceByHour.Count,
            };
        })];

    private void WriteByFault(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(faultsByKind.Length * 4);
        for (var i = 0; i < faultsByKind.Length; i++)
        {
            writer.Write(faultsByKind[i]);
            writer.Write(deployFailuresByKind[i]);
            writer.Write(cleanFailuresByKind[i]);
            writer.Write(maintenanceHourSumByKind[i]);
        }
    }

    private void ReadByFault(ref MessagePackReader reader)
    {
        Expect(ref reader, faultsByKind.Length * 4, "the figures by fault kind");
        for (var i = 0; i < faultsByKind.Length; i++)
        {
            faultsByKind[i] = reader.ReadInt32();
            deployFailuresByKind[i] = reader.ReadInt32();
            cleanFailuresByKind[i] = reader.ReadInt32();
            maintenanceHourSumByKind[i] = reader.ReadInt64();
        }
    }
}
