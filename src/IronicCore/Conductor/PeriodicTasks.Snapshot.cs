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
        // The same options enable the same tasks, in the same order; a format-1 snapshot lacks
        // the last one, node history's clean-up, which then runs one spacing after the load.
        var count = reader.ReadArrayHeader();
        var saved = count - 1;
        if (saved != tasks.Count && !(saved == tasks.Count - 1 && tasks[^1].Name == Conductor.NodeHistoryCleanupTask))
        {
            throw new MessagePack.MessagePackSerializationException($"the periodic tasks has {count} fields, not {tasks.Count + 1}");
        }

        scheduledTicks = reader.ReadInt64();
        foreach (var task in tasks.Take(saved))
        {
            task.NextTicks = reader.ReadInt64();
        }
    }
}
