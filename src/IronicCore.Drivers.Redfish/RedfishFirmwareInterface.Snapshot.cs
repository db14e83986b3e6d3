using MessagePack;
using static IronicCore.Persistence.SnapshotCodec;

namespace IronicCore.Drivers.Redfish;

// The firmware interface in a snapshot: the instant its poll counts its spacings from, every BMC's
// update tasks (by the BMC's address), and each node's updates in progress (Ironic's
// redfish_fw_updates and master's companions); the node's task is found again by its slot once the
// nodes exist. Its pending polls are the hardware type's event handler's, which the core saves.
internal sealed partial class RedfishFirmwareInterface
{
    private List<(int Slot, RedfishFirmwareUpdates State)>? restoring;
    private List<(string Address, string SystemId, string Component, string Image, RedfishUpdateTaskState State)>? restoringTasks;

    public void Write(ref MessagePackWriter writer)
    {
        writer.WriteArrayHeader(3);
        writer.Write(periodicStart.UtcTicks);
        var tasks = client.Bmcs.Values.SelectMany(bmc => bmc.UpdateTasks.Select(task => (bmc.Address, task))).ToList();
        writer.WriteArrayHeader(tasks.Count);
        foreach (var (address, task) in tasks)
        {
            writer.WriteArrayHeader(5);
            writer.Write(address);
            writer.Write(task.SystemId);
            writer.Write(task.Component);
            writer.Write(task.Image);
            writer.Write((byte)task.State);
        }

        var count = updates.Count(u => u is not null);
        writer.WriteArrayHeader(count);
        for (var slot = 0; slot < updates.Count; slot++)
        {
            if (updates[slot] is { } state)
            {
                WriteUpdates(ref writer, slot, state);
            }
        }
    }

    /// <exception cref="MessagePackSerializationException">The content is not such a state.</exception>
    public void Read(ref MessagePackReader reader)
    {
        Expect(ref reader, 3, "the redfish firmware interface");
        periodicStart = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        restoringTasks = [];
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 5, "a Redfish update task");
            restoringTasks.Add((ReadText(ref reader, "a BMC address"), ReadText(ref reader, "a system id"), ReadText(ref reader, "a component"),
                ReadText(ref reader, "an image"), (RedfishUpdateTaskState)reader.ReadByte()));
        }

        restoring = [];
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            restoring.Add(ReadUpdates(ref reader));
        }
    }

    /// <summary>The tasks go back to their BMCs and the updates to their nodes, now that the systems and tasks exist.</summary>
    /// <exception cref="MessagePackSerializationException">A task's BMC or an update's node is missing.</exception>
    public void NodesLoaded(DriverStateReader context)
    {
        foreach (var (address, systemId, component, image, state) in restoringTasks ?? [])
        {
            var bmc = client.Bmcs.Values.FirstOrDefault(b => b.Address == address)
                ?? throw new MessagePackSerializationException($"an update task's BMC {address} has no system");
            bmc.RestoreTask(systemId, component, image, state);
        }

        foreach (var (slot, state) in restoring ?? [])
        {
            state.Task = context.GetTask(slot);
            Set(slot, state);
        }

        restoring = null;
        restoringTasks = null;
    }

    private static void WriteUpdates(ref MessagePackWriter writer, int slot, RedfishFirmwareUpdates state)
    {
        writer.WriteArrayHeader(7);
        writer.Write(slot);
        writer.Write(state.Generation);
        writer.Write(state.StartedAt.UtcTicks);
        writer.Write(state.RebootRequested);
        writer.Write(state.Reboot);
        writer.Write(state.BmcVersionBefore);
        writer.WriteArrayHeader(state.Settings.Count);
        foreach (var update in state.Settings)
        {
            writer.WriteArrayHeader(9);
            writer.Write(update.Component);
            writer.Write(update.Url);
            WriteNullable(ref writer, update.Wait);
            writer.Write(update.Monitor);
            WriteNullable(ref writer, update.WaitStart?.UtcTicks);
            WriteNullable(ref writer, update.BmcCheckStart?.UtcTicks);
            writer.Write(update.BmcVersionChecking);
            writer.Write(update.BiosRebootTriggered);
            writer.Write(update.BmcUpdateCompleted);
        }
    }

    private static (int Slot, RedfishFirmwareUpdates State) ReadUpdates(ref MessagePackReader reader)
    {
        Expect(ref reader, 7, "a node's redfish firmware updates");
        var slot = reader.ReadInt32();
        var state = new RedfishFirmwareUpdates(null, reader.ReadInt64())
        {
            StartedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
            RebootRequested = reader.ReadBoolean(),
            Reboot = reader.ReadBoolean(),
            BmcVersionBefore = reader.ReadString(),
        };
        for (var count = reader.ReadArrayHeader(); count > 0; count--)
        {
            Expect(ref reader, 9, "a redfish firmware update");
            var update = new RedfishFirmwareUpdate(ReadText(ref reader, "a component"), ReadText(ref reader, "an image URL"), reader.TryReadNil() ? null : reader.ReadInt64())
            {
                Monitor = reader.ReadString(),
                WaitStart = ReadNullableTime(ref reader),
                BmcCheckStart = ReadNullableTime(ref reader),
                BmcVersionChecking = reader.ReadBoolean(),
                BiosRebootTriggered = reader.ReadBoolean(),
                BmcUpdateCompleted = reader.ReadBoolean(),
            };
            state.Settings.Add(update);
        }

        return (slot, state);
    }

    private static DateTimeOffset? ReadNullableTime(ref MessagePackReader reader) =>
        reader.TryReadNil() ? null : new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);

    private static void WriteNullable(ref MessagePackWriter writer, long? value)
    {
        if (value is { } number)
        {
            writer.Write(number);
        }
        else
        {
            writer.WriteNil();
        }
    }
}
