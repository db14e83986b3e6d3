namespace IronicCore.Sweeps.Engines;

/// <summary>
/// A cluster engine could not do what was asked, and changed nothing it could avoid: options
/// the engine refuses, a scheduler command that refused or failed (its own message quoted), or
/// earlier jobs of the sweep still in the queue.
/// </summary>
public sealed class SweepEngineException : Exception
{
    /// <summary>Makes the error.</summary>
    /// <param name="message">One line: what went wrong and what to do.</param>
    public SweepEngineException(string message)
        : base(message)
    {
    }

    /// <summary>Makes the error with the one that caused it.</summary>
    /// <param name="message">One line: what went wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public SweepEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
