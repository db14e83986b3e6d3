using IronicCore.Fleet;

namespace IronicCore.Cli.Commands.Fleet;

/// <summary>One policy's result and the wall time its run took.</summary>
internal sealed record FleetRun(FleetResult Result, TimeSpan WallTime)
{
    public double EventsPerSecond => Result.Events / Math.Max(WallTime.TotalSeconds, 1e-9);
}
