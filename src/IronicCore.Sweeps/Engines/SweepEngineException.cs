namespace IronicCore.Sweeps.Engines;

/// <summary>
/// A cluster engine could not do what was asked, and changed nothing it could avoid: options
/// the engine refuses, a scheduler command that refused or failed (its own message quoted), or
/// earlier jobs of the sweep still in the queue.
/// </summary>
internal sealed class SweepEngineException(string message, Exception? innerException = null) : Exception(message, innerException);
