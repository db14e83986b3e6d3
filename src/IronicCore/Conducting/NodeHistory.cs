using System.Collections.Immutable;
using IronicCore.Errors;
using IronicCore.Nodes;
using IronicCore.Simulation;

namespace IronicCore.Conducting;

/// <summary>
/// Node history (Ironic's <c>node_history_record</c>): an error handler's message becomes
/// <c>last_error</c> and, with <c>[conductor] node_history</c>, an entry of the node's history.
/// Only nodes that had an event hold a list, so a fleet pays nothing for the nodes that never fail.
/// </summary>
internal sealed partial class NodeHistory(ConductorContext context)
{
    // Mixed into the seed for history entries' UUIDs, so they never draw from the conductor's
    // random stream: recording history leaves every other random choice as it was.
    private const ulong HistoryUuidSalt = 0x6869_7374_6F72_7921;

    private readonly Dictionary<int, List<NodeHistoryRecord>> history = [];
    private long historyRecorded;

    // The entries' texts, each numbered once per string object: the step flows' messages are one
    // shared string per plan, and the types and the host are constants.
    private readonly List<string> texts = [];
    private readonly Dictionary<string, int> textNumbers = new(ReferenceEqualityComparer.Instance);

    /// <summary>The entries of the node in <paramref name="slot"/>, oldest first.</summary>
    public ImmutableArray<NodeHistoryEvent> Of(int slot) =>
        history.TryGetValue(slot, out var events) ? [.. events.Select(ToEvent)] : [];

    /// <summary>A history entry by its UUID, whichever node it belongs to (Ironic looks it up so).</summary>
    /// <exception cref="NodeHistoryNotFoundException">No entry has this UUID.</exception>
    public NodeHistoryEvent Find(string uuid)
    {
        // A seeded entry's UUID is drawn when read, not kept: the drawn Guid is compared, so a lookup
        // through a fleet's millions of entries makes no string for each. Only the text form an
        // entry's UUID prints as (36 characters, any case) can equal one.
        Guid? wanted = uuid.Length == 36 && Guid.TryParseExact(uuid, "D", out var parsed) ? parsed : null;
        foreach (var events in history.Values)
        {
            foreach (var entry in events)
            {
                if (entry.Uuid < 0 ? wanted == DrawnUuid(entry.Id) : string.Equals(texts[entry.Uuid], uuid, StringComparison.OrdinalIgnoreCase))
                {
                    return ToEvent(entry);
                }
            }
        }

        throw new NodeHistoryNotFoundException(uuid);
    }

    /// <summary>
    /// Ironic's <c>node_history_record</c>: an error becomes the node's <c>last_error</c>; with
    /// <c>[conductor] node_history</c> the event is also added to the node's history with the
    /// node's states and the seconds since <c>provision_updated_at</c>.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="message">The event; also <c>last_error</c> when <paramref name="error"/>.</param>
    /// <param name="eventType">Ironic's <c>event_type</c>; null is recorded as <c>UNKNOWN</c>.</param>
    /// <param name="error">Whether it is an error (severity <c>ERROR</c>).</param>
    public void Record(Node node, string message, string? eventType, bool error = true)
    {
        if (error)
        {
            node.LastError = message;
        }

        if (!context.Options.NodeHistory)
        {
            return;
        }

        var now = context.Clock.GetUtcNow();
        var entry = new NodeHistoryRecord(
            historyRecorded++, now.UtcTicks, uuid: -1, NumberOf(context.Host), NumberOf(eventType ?? "UNKNOWN"), NumberOf(message), error,
            node.ProvisionState, node.TargetProvisionState, (int)(now - node.ProvisionUpdatedAt).TotalSeconds);
        if (!history.TryGetValue(node.Index, out var events))
        {
            events = [];
            history.Add(node.Index, events);
        }

        events.Add(entry);
    }

    private static int CountOlderThan(List<NodeHistoryRecord> events, long ticks)
    {
        var (low, high) = (0, events.Count);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = events[middle].CreatedTicks < ticks ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>An entry as readers see it.</summary>
    private NodeHistoryEvent ToEvent(NodeHistoryRecord entry) => new(
        entry.Id, UuidText(entry), entry.CreatedAt, texts[entry.Conductor], entry.Error,
        texts[entry.EventType], texts[entry.Event], entry.State, entry.TargetProvisionState, entry.DurationSeconds);

    /// <summary>An entry's UUID: unless a snapshot gave another, the one the seed and the entry's number draw.</summary>
    private string UuidText(NodeHistoryRecord entry) => entry.Uuid < 0 ? UuidOf(entry.Id) : texts[entry.Uuid];

    private int NumberOf(string text)
    {
        if (!textNumbers.TryGetValue(text, out var number))
        {
            number = texts.Count;
            texts.Add(text);
            textNumbers.Add(text, number);
        }

        return number;
    }

    private string UuidOf(long id) => DrawnUuid(id).ToString();

    private Guid DrawnUuid(long id) => new SeededRandom(unchecked((context.Seed ^ HistoryUuidSalt) + (ulong)id)).NewUuid();

    /// <summary>A deleted node's history goes with it, as Ironic deletes its rows.</summary>
    public void Forget(Node node) => history.Remove(node.Index);

    /// <summary>
    /// Ironic's <c>manage_node_history</c>: each node keeps its newest
    /// <c>[conductor] node_history_max_entries</c> entries (counting only those older than
    /// <c>node_history_minimum_days</c>); nodes are purged in turn until
    /// <c>node_history_cleanup_batch_count</c> entries went, the node that crosses it included.
    /// </summary>
    public void Purge()
    {
        var options = context.Options;
        var cutoff = context.Clock.GetUtcNow() - TimeSpan.FromDays(options.NodeHistoryMinimumDays);
        var purged = 0;
        foreach (var (slot, events) in history.OrderBy(h => h.Value[0].CreatedAt).ThenBy(h => h.Key).ToList())
        {
            if (purged >= options.NodeHistoryCleanupBatchCount)
            {
                break;
            }

            // Entries are kept oldest first, so the candidates (those older than the cut-off) are the
            // list's head, and the oldest of them go: no copy of a list that is not cut.
            var candidates = options.NodeHistoryMinimumDays == 0 ? events.Count : CountOlderThan(events, cutoff.UtcTicks);
            var excess = Math.Max(0, candidates - options.NodeHistoryMaxEntries);
            if (excess > 0)
            {
                events.RemoveRange(0, excess);
                if (events.Count == 0)
                {
                    history.Remove(slot);
                }
            }

            purged += excess;
        }
    }
}
