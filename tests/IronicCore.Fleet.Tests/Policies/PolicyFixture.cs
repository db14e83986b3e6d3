using IronicCore.States;


namespace IronicCore.Fleet.Tests.Policies;

/// <summary>One node running a tenant's instance, reported broken: maintenance on the tenant's behalf, then the instance deleted.</summary>
internal static class PolicyFixture
{
    public static FleetSimulation BrokenNode(IFleetPolicy policy, HardwareFaultKind? fault = null)
    {
        var fleet = FleetFixture.Start(FleetFixture.Quiet(1, utilization: 1), policy);
        if (fault is { } kind)
        {
            fleet.InjectFault(0, new HardwareFaultProfile { Kind = kind }, masked: false);
        }

        var uuid = fleet.Node(0).Uuid;
        fleet.Api.SetMaintenance(uuid, "user_reason: broken");
        fleet.Api.SetProvisionState(uuid, ApiVerb.Deleted);
        return fleet;
    }
}
