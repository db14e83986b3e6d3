using IronicCore.Persistence;
using MessagePack;

namespace IronicCore;

public sealed partial class Conductor
{
    /// <summary>The runbooks and inspection rules, one block of their own (snapshot format 3).</summary>
    private void WriteRunbooksAndRules(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(2);
        RunbookSnapshot.Write(ref writer, RunbookTable);
        InspectionRuleSnapshot.Write(ref writer, InspectionRuleTable);
    }

    private void ReadRunbooksAndRules(ref MessagePackReader reader)
    {
        SnapshotCodec.Expect(ref reader, 2, "the runbooks and inspection rules");
        RunbookSnapshot.Read(ref reader, RunbookTable);
        InspectionRuleSnapshot.Read(ref reader, InspectionRuleTable);
    }
}
