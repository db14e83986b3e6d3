namespace IronicCore.Fleet;

/// <summary>How often a conductor process dies and how long it stays down.</summary>
public sealed record ConductorFailures
{
    /// <summary>Mean time between deaths of one conductor; <see cref="TimeSpan.Zero"/> means never. Default 20 days.</summary>
    public TimeSpan MeanTimeBetweenFailures { get; init; } = TimeSpan.FromDays(20);

    /// <summary>How long a dead conductor stays down before it restarts. Default 30 minutes.</summary>
    public TimeSpan RestartTime { get; init; } = TimeSpan.FromMinutes(30);
}
