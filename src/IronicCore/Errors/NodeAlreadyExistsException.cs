namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NodeAlreadyExists</c> (HTTP 409): another node has this UUID.
/// </summary>
public sealed class NodeAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public NodeAlreadyExistsException(string uuid)
        : base("NodeAlreadyExists", 409, $"A node with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
