using MessagePack;

namespace IronicCore.Conductor;

/// <summary>The periodic tasks in a snapshot: when each is next due, and the instant of the tick queued.</summary>
internal sealed partial class PeriodicTasks
{
    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(tasks.Count + 1);
        writer.Write(scheduledTicks);
        foreach (var task in tasks)
        {
            writer.Write(task.NextTicks);
        }
    }

    public void Read(ref MessagePackReader reader)
    {
        // The same options enable the same tasks, in the same order.
        Persistence.SnapshotCodec.Expect(ref reader, tasks.Count + 1, "the periodic tasks");
        scheduledTicks = reader.ReadInt64();
        foreach (var task in tasks)
        {
            task.NextTicks = reader.ReadInt64();
        }
    }
}
