using System.Buffers;
using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.States;
using MessagePack;

namespace IronicCore.Fleet.Policies;

/// <summary>
/// What the automated policies share: how often they look, the nodes that failed without
/// maintenance (a timeout, a takeover), and a memory of the nodes they returned, so a node back
/// in maintenance within a week goes to a human instead of round again.
/// </summary>
internal sealed class Remediation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RecurrenceWindow = TimeSpan.FromDays(7);

    private readonly Dictionary<string, DateTimeOffset> returned = new(StringComparer.Ordinal);

    /// <summary>Nodes in a failed state without maintenance and without a ticket.</summary>
    public static IEnumerable<NodeView> FailedOutOfMaintenance(IFleetApi fleet) =>
        new[] { ProvisionState.CleanFailed, ProvisionState.Error }
            .SelectMany(state => fleet.ListNodes(maintenance: false, provisionState: state))
            .Where(node => !fleet.HasTicket(node.Uuid));

    /// <summary>The node went back to the pool now.</summary>
    public void Returned(IFleetApi fleet, string uuid) => returned[uuid] = fleet.Now;

    /// <summary>Tickets a node that is back within the window of its return; true if it did.</summary>
    public bool TicketIfRecurring(IFleetApi fleet, NodeView node)
    {
        if (!returned.Remove(node.Uuid, out var at) || fleet.Now - at >= RecurrenceWindow)
        {
            return false;
        }

        fleet.OpenTicket(node.Uuid);
        return true;
    }

    /// <summary>Brings nodes that failed outside maintenance back: <c>manage</c>, then <c>provide</c>.</summary>
    public void RecoverFailed(IFleetApi fleet)
    {
        foreach (var node in FailedOutOfMaintenance(fleet))
        {
            Try(() => fleet.SetProvisionState(node.Uuid, node.ProvisionState == ProvisionState.Error ? ApiVerb.Deleted : ApiVerb.Manage));
        }

        foreach (var node in fleet.ListNodes(maintenance: false, provisionState: ProvisionState.Manageable))
        {
            if (!fleet.HasTicket(node.Uuid))
            {
                Try(() => fleet.SetProvisionState(node.Uuid, ApiVerb.Provide));
                Returned(fleet, node.Uuid);
            }
        }
    }

    /// <summary>Runs one request; a refusal (a limit, a busy or dead conductor) waits for the next round.</summary>
    public static bool Try(Action request)
    {
        try
        {
            request();
            return true;
        }
        catch (IronicException)
        {
            return false;
        }
    }

    /// <summary>The memory of returned nodes, in a policy's saved state.</summary>
    public void Write(ref MessagePackWriter writer) => WriteTimes(ref writer, returned);

    public void Read(ref MessagePackReader reader) => ReadTimes(ref reader, returned);

    /// <summary>Writes a policy's state with <paramref name="write"/>.</summary>
    public static void Save(IBufferWriter<byte> output, SaveState write)
    {
        var writer = new MessagePackWriter(output);
        write(ref writer);
        writer.Flush();
    }

    /// <summary>Reads a policy's state with <paramref name="read"/>; a state of another shape is a <see cref="FormatException"/>.</summary>
    public static void Load(ReadOnlyMemory<byte> state, LoadState read)
    {
        var reader = new MessagePackReader(state);
        try
        {
            read(ref reader);
            if (!reader.End)
            {
                throw new FormatException("The policy's state has bytes after its end.");
            }
        }
        catch (Exception error) when (error is MessagePackSerializationException or EndOfStreamException)
        {
            throw new FormatException($"The policy's state cannot be decoded: {error.Message}", error);
        }
    }

    /// <summary>Node UUIDs with a time each, as a map of UTC ticks.</summary>
    public static void WriteTimes(ref MessagePackWriter writer, Dictionary<string, DateTimeOffset> times)
    {
        writer.WriteMapHeader(times.Count);
        foreach (var (uuid, at) in times)
        {
            writer.Write(uuid);
            writer.Write(at.UtcTicks);
        }
    }

    public static void ReadTimes(ref MessagePackReader reader, Dictionary<string, DateTimeOffset> times)
    {
        times.Clear();
        for (var count = reader.ReadMapHeader(); count > 0; count--)
        {
            times.Add(reader.ReadString() ?? throw new MessagePackSerializationException("a node UUID is missing"), new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
        }
    }

    public delegate void SaveState(ref MessagePackWriter writer);

    public delegate void LoadState(ref MessagePackReader reader);
}
