namespace IronicCore.Errors;

/// <summary>Ironic's <c>NodeHistoryNotFound</c> (HTTP 404): no history entry has this UUID.</summary>
public sealed class NodeHistoryNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="history">The entry's UUID asked for.</param>
    public NodeHistoryNotFoundException(string history)
        : base("NodeHistoryNotFound", 404, $"Node history record {history} could not be found.")
    {
        History = history;
    }

    /// <summary>The entry's UUID asked for.</summary>
    public string History { get; }
}
