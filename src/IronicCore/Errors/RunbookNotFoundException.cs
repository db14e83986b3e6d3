namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>RunbookNotFound</c> (HTTP 404): no runbook has this UUID or name.
/// </summary>
public sealed class RunbookNotFoundException : IronicException
{
    /// <summary>Creates the error.</summary>
    /// <param name="runbook">The UUID or name asked for.</param>
    public RunbookNotFoundException(string runbook)
        : base("RunbookNotFound", 404, $"Runbook {runbook} could not be found.")
    {
        Runbook = runbook;
    }

    /// <summary>The UUID or name asked for.</summary>
    public string Runbook { get; }
}
