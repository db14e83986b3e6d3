namespace IronicCore.Api.Durability;

/// <summary>
/// The journal record being replayed on this async flow: the conductor loop runs the request's
/// work at once, at the record's virtual time, instead of queueing it.
/// </summary>
internal sealed class ReplayStep(JournalRecord record)
{
    private static readonly AsyncLocal<ReplayStep?> CurrentStep = new();

    public static ReplayStep? Current
    {
        get => CurrentStep.Value;
        set => CurrentStep.Value = value;
    }

    public JournalRecord Record { get; } = record;

    /// <summary>Whether the request's work reached the conductor, as it did when it was journaled.</summary>
    public bool Reached { get; set; }
}
