namespace IronicCore.Api.Durability;

/// <summary>Why a state directory was refused (<see cref="StateDirectoryException.Error"/>).</summary>
public enum StateDirectoryError
{
    /// <summary>Another process serves from the directory.</summary>
    Locked,

    /// <summary>
    /// A journal record before the journal's end, or a snapshot, is damaged: that is not a crash
    /// (which can tear only the last record), so nothing is guessed.
    /// </summary>
    Corrupted,

    /// <summary>
    /// Written by another release profile, another format, or another library version whose journal
    /// this one cannot replay; or the options given contradict what the directory was started with.
    /// </summary>
    Incompatible,
}
