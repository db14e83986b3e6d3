using IronicCore.Persistence;
using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.InspectionRules;

/// <summary>
/// The inspection rule table in a snapshot (format 3): its UUID stream, then each rule as
/// stored, in creation order. Conditions and actions are their JSON text.
/// </summary>
internal static class InspectionRuleCodec
{
    public static void Write(ref MessagePackWriter writer, InspectionRuleTable table)
    {
        writer.WriteArrayHeader(2);
        SnapshotCodec.Write(ref writer, table.Uuids.GetState());
        writer.WriteArrayHeader(table.All.Count);
        foreach (var rule in table.All)
        {
            writer.WriteArrayHeader(9);
            writer.Write(rule.Uuid);
            SnapshotCodec.Write(ref writer, rule.CreatedAt);
            SnapshotCodec.Write(ref writer, rule.UpdatedAt);
            writer.Write(rule.Description);
            writer.Write(rule.Priority);
            writer.Write(rule.Sensitive);
            writer.Write(rule.Phase);
            writer.Write(rule.Conditions.GetRawText());
            writer.Write(rule.Actions.GetRawText());
        }
    }

    public static void Read(ref MessagePackReader reader, InspectionRuleTable table)
    {
        Expect(ref reader, 2, "the inspection rules");
        table.Uuids.Restore(ReadRandomState(ref reader));
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 9, "an inspection rule");
            table.Restore(new InspectionRule(ReadText(ref reader, "a rule's UUID"), ReadTime(ref reader))
            {
                UpdatedAt = ReadNullableTime(ref reader),
                Description = reader.ReadString(),
                Priority = reader.ReadInt64(),
                Sensitive = reader.ReadBoolean(),
                Phase = reader.ReadString(),
                Conditions = JsonSnapshot.ReadJson(ref reader, "a rule's conditions"),
                Actions = JsonSnapshot.ReadJson(ref reader, "a rule's actions"),
            });
        }
    }
}
