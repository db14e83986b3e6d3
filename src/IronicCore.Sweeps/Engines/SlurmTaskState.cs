namespace IronicCore.Sweeps.Engines;

/// <summary>One array task (or a pending range of them, as sacct shows it) and its Slurm state (PENDING, RUNNING, COMPLETED, FAILED ...).</summary>
internal sealed record SlurmTaskState(long JobId, string Task, string State);
