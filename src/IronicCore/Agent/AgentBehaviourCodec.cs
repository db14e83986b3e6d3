using System.Collections.Immutable;
using MessagePack;
using IronicCore.Persistence;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Agent;

/// <summary>
/// How ramdisk agents behave (<see cref="AgentBehaviour"/>), in a snapshot: the conductor's, and a
/// fleet scenario's <c>Agents</c>; nil for scripted agents.
/// </summary>
public static class AgentBehaviourCodec
{
    /// <summary>Writes how ramdisk agents behave, or nil.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="agents">The behaviour, or null.</param>
    public static void Write(ref MessagePackWriter writer, AgentBehaviour? agents)
    {
        if (agents is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(10);
        SnapshotCodec.Write(ref writer, agents.BootTime);
        writer.WriteMapHeader(agents.StepDurations.Count);
        foreach (var (step, duration) in agents.StepDurations.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            writer.Write(step);
            SnapshotCodec.Write(ref writer, duration);
        }

        SnapshotCodec.Write(ref writer, agents.DefaultStepDuration);
        writer.Write(agents.NeverBootsProbability);
        writer.Write(agents.StepFailsProbability);
        writer.Write(agents.StepHangsProbability);
        writer.Write(agents.DiesMidStepProbability);
        writer.Write(agents.HeartbeatLossProbability);
        writer.Write(agents.HeartbeatDelayProbability);
        SnapshotCodec.Write(ref writer, agents.HeartbeatDelay);
    }

    /// <summary>Reads what <see cref="Write(ref MessagePackWriter, AgentBehaviour)"/> wrote.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The behaviour, or null.</returns>
    /// <exception cref="MessagePackSerializationException">Not such a behaviour.</exception>
    public static AgentBehaviour? ReadAgentBehaviour(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        Expect(ref reader, 10, "the agents' behaviour");
        var boot = ReadSpan(ref reader);
        var durations = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            durations.Add(ReadText(ref reader, "a step's name"), ReadSpan(ref reader));
        }

        return new AgentBehaviour
        {
            BootTime = boot,
            StepDurations = durations.ToImmutable(),
            DefaultStepDuration = ReadSpan(ref reader),
            NeverBootsProbability = reader.ReadDouble(),
            StepFailsProbability = reader.ReadDouble(),
            StepHangsProbability = reader.ReadDouble(),
            DiesMidStepProbability = reader.ReadDouble(),
            HeartbeatLossProbability = reader.ReadDouble(),
            HeartbeatDelayProbability = reader.ReadDouble(),
            HeartbeatDelay = ReadSpan(ref reader),
        };
    }
}
