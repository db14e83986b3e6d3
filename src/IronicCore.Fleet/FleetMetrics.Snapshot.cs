using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Fleet;

// The counters and samples in a snapshot, so a resumed run's result covers the whole run.
internal sealed partial class FleetMetrics
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(11);
        writer.Write(Transitions);
        writer.Write(TenantVisibleFailures);
        writer.Write(UnservedInstances);
        writer.Write(HumanTickets);
        writer.Write(ConductorDeaths);
        writer.Write(TakeoverAborts);
        writer.WriteArrayHeader(samples.Count * 7);
        foreach (var sample in samples)
        {
            writer.Write(sample.Elapsed.Ticks);
            writer.Write(sample.Available);
            writer.Write(sample.Active);
            writer.Write(sample.Maintenance);
            writer.Write(sample.Failed);
            writer.Write(sample.Cleaning);
            writer.Write(sample.OpenTickets);
        }

        writer.WriteArrayHeader(maintenanceByHour.Count);
        foreach (var count in maintenanceByHour)
        {
            writer.Write(count);
        }

        writer.WriteArrayHeader(repairTicks.Count);
        foreach (var ticks in repairTicks)
        {
            writer.Write(ticks);
        }

        WriteByHardware(ref writer);
        WriteByFault(ref writer);
    }

    public void Read(ref MessagePackReader reader)
    {
        // Nine elements before the figures by hardware type (a fleet of one type, which has none),
        // ten before those by fault kind (a fleet without the Redfish BMCs' faults, which has none).
        var elements = reader.ReadArrayHeader();
        if (elements is not (9 or 10 or 11))
        {
            throw new MessagePackSerializationException($"the fleet's metrics have 9 to 11 elements, not {elements}");
        }

        Transitions = reader.ReadInt64();
        TenantVisibleFailures = reader.ReadInt32();
        UnservedInstances = reader.ReadInt32();
        HumanTickets = reader.ReadInt32();
        ConductorDeaths = reader.ReadInt32();
        TakeoverAborts = reader.ReadInt32();
        var values = reader.ReadArrayHeader();
        if (values % 7 != 0)
        {
            throw new MessagePackSerializationException("the samples are not a whole number of samples");
        }

        for (var i = values / 7; i > 0; i--)
        {
            samples.Add(new FleetSample(
                ReadSpan(ref reader), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()));
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            maintenanceByHour.Add(reader.ReadInt32());
        }

        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            repairTicks.Add(reader.ReadInt64());
        }

        if (elements >= 10)
        {
            ReadByHardware(ref reader);
        }

        if (elements == 11)
        {
            ReadByFault(ref reader);
        }
    }
}
