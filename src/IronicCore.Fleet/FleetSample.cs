namespace IronicCore.Fleet;

/// <summary>The fleet counted at one instant of a run.</summary>
/// <param name="Elapsed">Virtual time since the run started.</param>
/// <param name="Available">Nodes a tenant can get: <c>available</c> and not in maintenance.</param>
/// <param name="Active">Nodes in <c>active</c> (tenants' instances).</param>
/// <param name="Maintenance">Nodes in maintenance, whatever their state.</param>
/// <param name="Failed">Nodes in a failed state (<c>clean failed</c>, <c>deploy failed</c>, <c>error</c>, ...).</param>
/// <param name="Cleaning">Nodes in <c>cleaning</c> or <c>clean wait</c>.</param>
/// <param name="OpenTickets">Tickets the humans have not closed.</param>
public readonly record struct FleetSample(
    TimeSpan Elapsed, int Available, int Active, int Maintenance, int Failed, int Cleaning, int OpenTickets);
