using IronicCore.Maintenance;

namespace IronicCore.Fleet;

/// <summary>
/// A remediation policy: what an operator's automation does about nodes in maintenance or in
/// a failed state. It sees the fleet through Ironic's API (<see cref="IFleetApi"/>) every
/// <see cref="Interval"/>, and may hand a node to the human operators. One instance serves one
/// run and may keep state between calls; it is called on the simulation's thread only.
/// </summary>
public interface IFleetPolicy
{
    /// <summary>The policy's name in results (e.g. <c>reparo</c>).</summary>
    string Name { get; }

    /// <summary>What maintenance blocks on the conductors while this policy runs (the conductors' configuration it needs).</summary>
    IMaintenancePolicy MaintenancePolicy { get; }

    /// <summary>How often <see cref="Run"/> is called; positive.</summary>
    TimeSpan Interval { get; }

    /// <summary>Looks at the fleet and acts. A refused request throws Ironic's error; catch what you expect.</summary>
    /// <param name="fleet">The fleet's API.</param>
    void Run(IFleetApi fleet);
}
