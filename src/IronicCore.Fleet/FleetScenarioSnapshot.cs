using System.Collections.Immutable;
using IronicCore.Agent;
using IronicCore.Configuration;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;
using static IronicCore.Agent.AgentBehaviourCodec;

namespace IronicCore.Fleet;

/// <summary>
/// A fleet scenario in a snapshot, every field but <see cref="FleetScenario.Options"/>, which
/// the conductor's own part of the snapshot carries.
/// </summary>
internal static class FleetScenarioSnapshot
{
    public static void Write(ref MessagePackWriter writer, FleetScenario scenario)
    {
        writer.WriteArrayHeader(15);
        writer.Write(scenario.Nodes);
        writer.Write(scenario.Conductors);
        writer.Write(scenario.Days);
        writer.Write(scenario.Seed);
        writer.Write(scenario.Driver);
        writer.Write(scenario.DeployInterface);
        writer.Write(scenario.ManagementInterface);
        SnapshotCodec.Write(ref writer, scenario.WorkerDuration);
        var workload = scenario.Workload;
        writer.WriteArrayHeader(5);
        writer.Write(workload.Utilization);
        SnapshotCodec.Write(ref writer, workload.MeanLease);
        SnapshotCodec.Write(ref writer, workload.ReportDelay);
        writer.Write(workload.FalseReportProbability);
        SnapshotCodec.Write(ref writer, workload.RetryInterval);
        writer.WriteArrayHeader(scenario.Faults.Length);
        foreach (var fault in scenario.Faults)
        {
            writer.WriteArrayHeader(6);
            writer.Write((int)fault.Kind);
            writer.Write(fault.RatePerNodeYear);
            writer.Write(fault.MaskedFraction);
            writer.Write(fault.TransientFraction);
            SnapshotCodec.Write(ref writer, fault.SelfHealTime);
            SnapshotCodec.Write(ref writer, fault.RepairTime);
        }

        var operators = scenario.Operators;
        writer.WriteArrayHeader(5);
        writer.Write(operators.Count);
        writer.Write(operators.ShiftStartHour);
        writer.Write(operators.ShiftEndHour);
        writer.Write(operators.Weekends);
        SnapshotCodec.Write(ref writer, operators.TimePerTicket);
        writer.WriteArrayHeader(2);
        SnapshotCodec.Write(ref writer, scenario.ConductorFailures.MeanTimeBetweenFailures);
        SnapshotCodec.Write(ref writer, scenario.ConductorFailures.RestartTime);
        AgentBehaviourCodec.Write(ref writer, scenario.Agents);
        SnapshotCodec.Write(ref writer, scenario.SampleInterval);
        writer.WriteMapHeader(scenario.Hardware.Count);
        foreach (var (driver, share) in scenario.Hardware)
        {
            writer.Write(driver);
            writer.Write(share);
        }
    }

    /// <summary>The scenario, with <paramref name="options"/> as its Ironic options.</summary>
    public static FleetScenario Read(ref MessagePackReader reader, ConductorOptions options)
    {
        // Fourteen elements before fleets mixed hardware types: such a fleet is all of its driver.
        var elements = reader.ReadArrayHeader();
        if (elements is not (14 or 15))
        {
            throw new MessagePackSerializationException($"the fleet scenario has 14 or 15 elements, not {elements}");
        }

        var scenario = new FleetScenario
        {
            Nodes = reader.ReadInt32(),
            Conductors = reader.ReadInt32(),
            Days = reader.ReadInt32(),
            Seed = reader.ReadUInt64(),
            Driver = ReadText(ref reader, "the driver"),
            DeployInterface = ReadText(ref reader, "the deploy interface"),
            ManagementInterface = ReadText(ref reader, "the management interface"),
            WorkerDuration = ReadSpan(ref reader),
            Options = options,
        };
        Expect(ref reader, 5, "the workload");
        scenario = scenario with
        {
            Workload = new FleetWorkload
            {
                Utilization = reader.ReadDouble(),
                MeanLease = ReadSpan(ref reader),
                ReportDelay = ReadSpan(ref reader),
                FalseReportProbability = reader.ReadDouble(),
                RetryInterval = ReadSpan(ref reader),
            },
        };
        var faults = ImmutableArray.CreateBuilder<HardwareFaultProfile>(reader.ReadArrayHeader());
        for (var i = 0; i < faults.Capacity; i++)
        {
            Expect(ref reader, 6, "a fault profile");
            faults.Add(new HardwareFaultProfile
            {
                Kind = ReadEnum<HardwareFaultKind>(ref reader),
                RatePerNodeYear = reader.ReadDouble(),
                MaskedFraction = reader.ReadDouble(),
                TransientFraction = reader.ReadDouble(),
                SelfHealTime = ReadSpan(ref reader),
                RepairTime = ReadSpan(ref reader),
            });
        }

        Expect(ref reader, 5, "the operators");
        var operators = new FleetOperators
        {
            Count = reader.ReadInt32(),
            ShiftStartHour = reader.ReadInt32(),
            ShiftEndHour = reader.ReadInt32(),
            Weekends = reader.ReadBoolean(),
            TimePerTicket = ReadSpan(ref reader),
        };
        Expect(ref reader, 2, "the conductor failures");
        var failures = new ConductorFailures { MeanTimeBetweenFailures = ReadSpan(ref reader), RestartTime = ReadSpan(ref reader) };
        scenario = scenario with
        {
            Faults = faults.MoveToImmutable(),
            Operators = operators,
            ConductorFailures = failures,
            Agents = ReadAgentBehaviour(ref reader) ?? throw new MessagePackSerializationException("the fleet's agents' behaviour is missing"),
            SampleInterval = ReadSpan(ref reader),
        };
        if (elements == 15)
        {
            var shares = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            for (var count = reader.ReadMapHeader(); count > 0; count--)
            {
                shares[ReadText(ref reader, "a hardware type")] = reader.ReadDouble();
            }

            scenario = scenario with { Hardware = shares.ToImmutable() };
        }

        return scenario.Problems() is { Length: > 0 } problems
            ? throw new MessagePackSerializationException($"the fleet scenario is not valid: {string.Join("; ", problems)}")
            : scenario;
    }
}
