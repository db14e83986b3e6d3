namespace IronicCore.Fleet;

/// <summary>
/// One instant of a time series over replications (<see cref="FleetExperimentResult.Band"/>):
/// the replications' mean, range and 95 % interval of the mean at that sample.
/// </summary>
/// <param name="Elapsed">Virtual time since the runs started.</param>
/// <param name="Estimate">The replications' values at that sample.</param>
public readonly record struct FleetBandPoint(TimeSpan Elapsed, FleetEstimate Estimate);
