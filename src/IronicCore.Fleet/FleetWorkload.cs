namespace IronicCore.Fleet;

/// <summary>
/// The tenants: instances arrive at random (a Poisson process sized to keep
/// <see cref="Utilization"/> of the fleet busy), each holds a node for an exponentially
/// distributed lease, and a tenant whose machine misbehaves reports it ("break-fix"): the node
/// is put in maintenance on their behalf and the instance deleted, as both operators in the
/// seed's thread do.
/// </summary>
public sealed record FleetWorkload
{
    /// <summary>The share of nodes the arrivals would keep busy, 0 to 1. Default 0.8.</summary>
    public double Utilization { get; init; } = 0.8;

    /// <summary>The mean lease. Default 3 days.</summary>
    public TimeSpan MeanLease { get; init; } = TimeSpan.FromDays(3);

    /// <summary>From a tenant's machine misbehaving to their break-fix report. Default 1 hour.</summary>
    public TimeSpan ReportDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The chance that a lease ends in a break-fix report with nothing wrong with the hardware. Default 0.002.</summary>
    public double FalseReportProbability { get; init; } = 0.002;

    /// <summary>How long a refused tenant request (a limit, no worker, no conductor) waits before it is tried again. Default 5 minutes.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMinutes(5);
}
