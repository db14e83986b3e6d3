namespace IronicCore.Errors;

/// <summary>
/// Ironic's <c>NoFreeConductorWorker</c> (HTTP 503): the conductor has no free worker.
/// </summary>
public sealed class NoFreeConductorWorkerException : IronicException
{
    /// <summary>Creates the error.</summary>
    public NoFreeConductorWorkerException()
        : base("NoFreeConductorWorker", 503, "Requested action cannot be performed due to lack of free conductor workers.")
    {
    }
}
