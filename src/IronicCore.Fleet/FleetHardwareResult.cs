namespace IronicCore.Fleet;

/// <summary>What the nodes of one hardware type saw in a run of a fleet that mixes types (<see cref="FleetResult.ByHardware"/>).</summary>
public sealed record FleetHardwareResult
{
    /// <summary>The hardware type (<c>fake-hardware</c>, <c>ipmi</c>, <c>redfish</c>).</summary>
    public required string Driver { get; init; }

    /// <summary>How many of the fleet's nodes have it.</summary>
    public required int Nodes { get; init; }

    /// <summary>Mean over the samples of its nodes <c>available</c> and not in maintenance.</summary>
    public required double AvailableMean { get; init; }

    /// <summary>Mean of its nodes in maintenance at the end of each hour.</summary>
    public required double MaintenanceHourlyMean { get; init; }

    /// <summary>Failures tenants saw on its nodes (<see cref="FleetResult.TenantVisibleFailures"/>'s share).</summary>
    public required int TenantVisibleFailures { get; init; }

    /// <summary>Tickets handed to the humans for its nodes.</summary>
    public required int HumanTickets { get; init; }
}
