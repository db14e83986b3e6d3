namespace IronicCore.Fleet;

/// <summary>What a <see cref="FleetMetric"/> counts, for formatting it.</summary>
public enum FleetMetricUnit
{
    /// <summary>A whole number of things in one run (tickets, failures, a minimum).</summary>
    Count,

    /// <summary>A mean number of nodes (fractional within one run).</summary>
    Nodes,

    /// <summary>A duration, in hours.</summary>
    Hours,
}
