using IronicCore.Conducting.Periodic;
using MessagePack;

namespace IronicCore.Conducting;

// The periodic tasks in a snapshot: when each is next due, and the instant of the tick queued.
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

    /// <param name="reader">Where the tasks start.</param>
    /// <param name="format">The snapshot's format.</param>
    public void Read(ref MessagePackReader reader, int format)
    {
        // The same options enable the same tasks, in the same order; format 1 had no node
        // history, so it lacks the last one, its clean-up, which then runs one spacing after the load.
        var saved = format == 1 && tasks[^1].Task is NodeHistoryCleanup ? tasks.Count - 1 : tasks.Count;
        Persistence.SnapshotCodec.Expect(ref reader, saved + 1, "the periodic tasks");
        scheduledTicks = reader.ReadInt64();
        foreach (var task in tasks.Take(saved))
        {
            task.NextTicks = reader.ReadInt64();
        }
    }
}
