using IronicCore.Fleet;
using IronicCore.Fleet.Policies;

// The built-in data centre scaled to 1,000 nodes, for a week; seed 42. Every policy meets the
// same tenants, hardware faults and conductor deaths, so the differences are the policies'.
var scenario = new FleetScenario().ScaledTo(1_000) with { Days = 7 };
var comparison = new FleetComparison(scenario, [new HoldPolicy(), new ReparoPolicy(), new FailFastPolicy()]);
Console.Write(FleetReport.Markdown(scenario, comparison.Run()));
