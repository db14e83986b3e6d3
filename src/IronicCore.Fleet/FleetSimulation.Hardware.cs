using System.Collections.Immutable;
using IronicCore.States;

namespace IronicCore.Fleet;

// A fleet that mixes hardware types: each node's type (FleetNode.Hardware, an index into the
// scenario's types) and, for the figures by type, its available nodes kept as transitions happen
// (as the free set is) and its nodes in maintenance counted at each sample from the few there.
public sealed partial class FleetSimulation
{
    private readonly ImmutableArray<(string Driver, int Nodes)> hardware;
    private readonly Dictionary<string, byte> hardwareIndex;
    private int[] availableByHardware = [];
    private int[] sampledAvailable = [];
    private int[] sampledMaintenance = [];

    private static (ImmutableArray<(string Driver, int Nodes)> Types, Dictionary<string, byte> Index) HardwareOf(FleetScenario scenario)
    {
        var types = FleetHardware.Counts(scenario);
        var index = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (var k = 0; k < types.Length; k++)
        {
            index.Add(types[k].Driver, (byte)k);
        }

        return (types, index);
    }

    /// <summary>Makes the per-type counts; from the conductor's states when the run is restored.</summary>
    private void CountHardware(bool fromStates)
    {
        availableByHardware = new int[hardware.Length];
        sampledAvailable = new int[hardware.Length];
        sampledMaintenance = new int[hardware.Length];
        if (fromStates)
        {
            foreach (var node in fleet)
            {
                availableByHardware[node.Hardware] += conductor.StateAt(node.Index) == ProvisionState.Available ? 1 : 0;
            }
        }
    }

    /// <summary>A sample's figures by type: available out of maintenance, and in maintenance.</summary>
    private void SampleHardware(bool hourEnds)
    {
        if (hardware.Length < 2)
        {
            return;
        }

        Array.Copy(availableByHardware, sampledAvailable, hardware.Length);
        Array.Clear(sampledMaintenance);
        for (var i = 0; i < conductor.MaintenanceCount; i++)
        {
            var node = fleet[conductor.MaintenanceSlotAt(i)];
            sampledMaintenance[node.Hardware]++;
            sampledAvailable[node.Hardware] -= conductor.StateAt(node.Index) == ProvisionState.Available ? 1 : 0;
        }

        metrics.AddByHardware(sampledAvailable, sampledMaintenance, hourEnds);
    }
}
