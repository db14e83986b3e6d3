using IronicCore.Persistence;
using IronicCore.Steps;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.DeployTemplates;

/// <summary>
/// The deploy template table in a snapshot (format 6): its UUID stream, then each template with
/// its steps, in creation order. JSON values (<c>extra</c>, step <c>args</c>) are their text.
/// </summary>
internal static class DeployTemplateCodec
{
    public static void Write(ref MessagePackWriter writer, DeployTemplateTable table)
    {
        writer.WriteArrayHeader(2);
        SnapshotCodec.Write(ref writer, table.Uuids.GetState());
        writer.WriteArrayHeader(table.All.Count);
        foreach (var template in table.All)
        {
            writer.WriteArrayHeader(6);
            writer.Write(template.Uuid);
            SnapshotCodec.Write(ref writer, template.CreatedAt);
            SnapshotCodec.Write(ref writer, template.UpdatedAt);
            writer.Write(template.Name);
            StepCodec.Write(ref writer, template.Steps);
            JsonSnapshot.Write(ref writer, template.Extra);
        }
    }

    public static void Read(ref MessagePackReader reader, DeployTemplateTable table)
    {
        Expect(ref reader, 2, "the deploy templates");
        table.Uuids.Restore(ReadRandomState(ref reader));
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 6, "a deploy template");
            table.Restore(new DeployTemplate(ReadText(ref reader, "a deploy template's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                Name = ReadText(ref reader, "a deploy template's name"),
                Steps = StepCodec.ReadStepRequests(ref reader),
                Extra = JsonSnapshot.ReadObject(ref reader, "a deploy template's extra"),
            });
        }
    }
}
