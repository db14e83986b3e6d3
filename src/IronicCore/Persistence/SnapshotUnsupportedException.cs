namespace IronicCore.Persistence;

/// <summary>
/// The simulation holds something a snapshot cannot carry (code rather than data: a timer's
/// callback, a policy that keeps state without saving it, a plug-in driver's own state). Nothing
/// was written.
/// </summary>
public sealed class SnapshotUnsupportedException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What cannot be saved, and what to do about it.</param>
    public SnapshotUnsupportedException(string message)
        : base(message)
    {
    }
}
