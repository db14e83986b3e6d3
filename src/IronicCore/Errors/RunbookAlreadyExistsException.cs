namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>RunbookAlreadyExists</c> (HTTP 409): another runbook has this UUID.
/// </summary>
public sealed class RunbookAlreadyExistsException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="uuid">The UUID.</param>
    public RunbookAlreadyExistsException(string uuid)
        : base("RunbookAlreadyExists", 409, $"A runbook with UUID {uuid} already exists.")
    {
        Uuid = uuid;
    }

    /// <summary>The UUID.</summary>
    public string Uuid { get; }
}
