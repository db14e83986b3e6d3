using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;

namespace IronicCore.Fleet.Tests;

/// <summary>Small, quiet fleets for rule tests: nothing breaks, nobody leaves, no conductor dies unless a test says so.</summary>
internal static class FleetFixture
{
    public static FleetScenario Quiet(int nodes, double utilization = 0) => new()
    {
        Nodes = nodes,
        Conductors = 1,
        Days = 30,
        Workload = new FleetWorkload { Utilization = utilization, MeanLease = TimeSpan.FromDays(10_000), FalseReportProbability = 0 },
        Faults = [],
        Operators = new FleetOperators { Count = 0 },
        ConductorFailures = new ConductorFailures { MeanTimeBetweenFailures = TimeSpan.Zero },
    };

    public static FleetSimulation Start(FleetScenario scenario, IFleetPolicy? policy = null) => new(scenario, policy ?? new IdlePolicy());

    public static NodeView Node(this FleetSimulation simulation, int index) => simulation.Api.ListNodes()[index];

    public static void Advance(this FleetSimulation simulation, TimeSpan by) => simulation.RunUntil(simulation.Clock.GetUtcNow() + by);

    /// <summary>A policy that does nothing, so the model's own rules can be watched.</summary>
    public sealed class IdlePolicy(IMaintenancePolicy? maintenance = null) : IFleetPolicy
    {
        public string Name => "idle";

        public IMaintenancePolicy MaintenancePolicy { get; } = maintenance ?? IronicMaintenancePolicy.Instance;

        public TimeSpan Interval => TimeSpan.FromHours(1);

        public void Run(IFleetApi fleet)
        {
        }
    }
}
