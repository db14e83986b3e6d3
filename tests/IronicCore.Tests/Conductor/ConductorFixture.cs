using IronicCore.Configuration;
using IronicCore.Errors;
using IronicCore.Maintenance;
using IronicCore.Nodes;
using IronicCore.States;

namespace IronicCore.Tests.Conductor;

/// <summary>Builds conductors and nodes for the rule tests; every request is followed by the work it spawns.</summary>
internal static class ConductorFixture
{
    public static IronicCore.Conductor Create(ConductorOptions? options = null, IMaintenancePolicy? policy = null) =>
        new(options, maintenancePolicy: policy, seed: 7);

    public static NodeView Enroll(
        this IronicCore.Conductor conductor,
        string name,
        ProvisionState state = ProvisionState.Enroll,
        PowerState? power = PowerState.PowerOff,
        bool maintenance = false) =>
        conductor.CreateNode(new NodeCreateRequest { Name = name, ProvisionState = state, PowerState = power, Maintenance = maintenance });

    /// <summary>Asks for a provision action and lets its worker run, as the API's client would see it settle.</summary>
    public static NodeView Provision(this IronicCore.Conductor conductor, string name, ApiVerb verb, ProvisionRequest? request = null)
    {
        conductor.SetProvisionState(name, verb, request);
        conductor.Clock.RunDue();
        return conductor.GetNode(name);
    }

    public static NodeView Power(this IronicCore.Conductor conductor, string name, PowerState target)
    {
        conductor.SetPowerState(name, target);
        conductor.Clock.RunDue();
        return conductor.GetNode(name);
    }

    public static NodeView Advance(this IronicCore.Conductor conductor, string name, int seconds)
    {
        conductor.Clock.Advance(TimeSpan.FromSeconds(seconds));
        return conductor.GetNode(name);
    }
}
