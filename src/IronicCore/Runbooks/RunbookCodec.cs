using System.Collections.Immutable;
using System.Text.Json;
using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Runbooks;

/// <summary>
/// The runbook table in a snapshot (format 3): its UUID stream, then each runbook with its steps
/// and traits, in creation order. JSON values (<c>extra</c>, step <c>args</c>) are their text.
/// </summary>
internal static class RunbookCodec
{
    public static void Write(ref MessagePackWriter writer, RunbookTable table)
    {
        writer.WriteArrayHeader(2);
        SnapshotCodec.Write(ref writer, table.Uuids.GetState());
        writer.WriteArrayHeader(table.All.Count);
        foreach (var runbook in table.All)
        {
            writer.WriteArrayHeader(11);
            writer.Write(runbook.Uuid);
            SnapshotCodec.Write(ref writer, runbook.CreatedAt);
            SnapshotCodec.Write(ref writer, runbook.UpdatedAt);
            writer.Write(runbook.Name);
            writer.Write(runbook.Description);
            writer.WriteArrayHeader(runbook.Steps.Length);
            foreach (var step in runbook.Steps)
            {
                writer.WriteArrayHeader(4);
                writer.Write(step.Interface);
                writer.Write(step.Step);
                writer.Write(step.Args.GetRawText());
                writer.Write(step.Order);
            }

            writer.Write(runbook.DisableRamdisk);
            writer.Write(runbook.Extra.GetRawText());
            writer.Write(runbook.Public);
            writer.Write(runbook.Owner);
            writer.WriteArrayHeader(runbook.Traits.Count);
            foreach (var trait in runbook.Traits)
            {
                writer.Write(trait);
            }
        }
    }

    public static void Read(ref MessagePackReader reader, RunbookTable table)
    {
        Expect(ref reader, 2, "the runbooks");
        table.Uuids.Restore(ReadRandomState(ref reader));
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 11, "a runbook");
            var runbook = new Runbook(ReadText(ref reader, "a runbook's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                Name = ReadText(ref reader, "a runbook's name"),
                Description = reader.ReadString(),
                Steps = ReadSteps(ref reader),
                DisableRamdisk = reader.ReadBoolean(),
                Extra = JsonSnapshot.ReadJson(ref reader, "a runbook's extra"),
                Public = reader.ReadBoolean(),
                Owner = reader.ReadString(),
            };
            var traits = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
            for (var n = reader.ReadArrayHeader(); n > 0; n--)
            {
                traits.Add(ReadText(ref reader, "a runbook's trait"));
            }

            runbook.Traits = traits.ToImmutable();
            table.Restore(runbook);
        }
    }

    private static ImmutableArray<RunbookStep> ReadSteps(ref MessagePackReader reader)
    {
        var steps = ImmutableArray.CreateBuilder<RunbookStep>(reader.ReadArrayHeader());
        for (var i = 0; i < steps.Capacity; i++)
        {
            Expect(ref reader, 4, "a runbook step");
            var @interface = ReadText(ref reader, "a runbook step's interface");
            var name = ReadText(ref reader, "a runbook step's name");
            var args = JsonSnapshot.ReadJson(ref reader, "a runbook step's args");
            try
            {
                steps.Add(new RunbookStep(@interface, name, args, reader.ReadInt32()));
            }
            catch (ArgumentException error)
            {
                throw new MessagePackSerializationException($"a runbook step does not load: {error.Message}", error);
            }
        }

        return steps.MoveToImmutable();
    }
}
